package org.awardeval.deliberation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.Ranking.Ranked;
import org.awardeval.review.ReviewRepository;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Ranks the reviewed applications and prepares the chair's task: the ranking table, the options and the proposed
 * winners, all by application code and anonymised title.
 */
@Component
public class RankApplicationsDelegate implements JavaDelegate {

    /** The shortlist of a category holds this many times its number of winners. */
    public static final int SHORTLIST_FACTOR = 2;

    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final ReviewRepository reviews;
    private final ResultRepository results;
    private final DossierRepository dossiers;

    public RankApplicationsDelegate(CallRepository calls, ApplicationRepository applications, ReviewRepository reviews,
            ResultRepository results, DossierRepository dossiers) {
        this.calls = calls;
        this.applications = applications;
        this.reviews = reviews;
        this.results = results;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.get(Vars.requiredLong(execution, Vars.CALL_ID));
        Map<Long, Normalisation.Aggregate> aggregates = Normalisation.aggregate(reviews.byCall(call.id()).stream()
                .map(r -> new Normalisation.Review(r.applicationId(), r.judgeCode(), r.total().doubleValue())).toList());
        List<Ranking.Scored> scored = new ArrayList<>();
        for (StoredApplication a : applications.byCallAndStatus(call.id(), ApplicationStatus.REVIEWED)) {
            Normalisation.Aggregate aggregate = aggregates.getOrDefault(a.id(), new Normalisation.Aggregate(a.id(), 0, 0, 0, false, 0));
            scored.add(new Ranking.Scored(a.id(), a.code(), a.categoryCode(), aggregate));
        }
        List<Ranked> ranking = Ranking.rank(scored, call.winnersPerCategory(), SHORTLIST_FACTOR * call.winnersPerCategory());
        results.saveRanking(call.id(), ranking);

        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> options = new ArrayList<>();
        List<String> proposed = new ArrayList<>();
        for (Ranked r : ranking) {
            String title = dossiers.find(r.applicationId()).map(DossierRepository.Dossier::title).orElse("");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", r.categoryCode());
            row.put("rank", r.rank());
            row.put("code", r.code());
            row.put("title", title);
            row.put("normalisedScore", r.normalisedScore());
            row.put("meanScore", r.meanScore());
            row.put("spread", r.spread() + (r.disagreement() ? " (judges disagree)" : ""));
            row.put("reviews", r.reviews());
            row.put("shortlisted", r.shortlisted() ? "yes" : "");
            row.put("proposed", r.proposed() ? "yes" : "");
            rows.add(row);
            options.add(Map.of("label", r.code() + " (" + r.categoryCode() + " #" + r.rank() + ") " + title, "value", r.code()));
            if (r.proposed()) {
                proposed.add(r.code());
            }
        }
        execution.setVariable(Vars.RANKING, SpinValues.jsonValue(Spin.JSON(rows)).create());
        execution.setVariable(Vars.WINNER_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
        execution.setVariable(Vars.WINNERS, SpinValues.jsonValue(Spin.JSON(proposed)).create());
    }
}
