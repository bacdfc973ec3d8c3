package org.awardeval.deliberation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.Ranking.Ranked;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.review.ReviewRepository;
import org.awardeval.review.ReviewRepository.ReviewSummary;
import org.awardeval.settings.AwardProperties;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Ranks the reviewed applications and prepares the panel's vote: the shortlist of each category (code, anonymised
 * title, scores, review excerpts by judge code), the panel members, their quorum and the voting deadline. Only the
 * shortlist enters the cycle's variables, which every panel member's task can read.
 */
@Component
class RankApplicationsDelegate implements JavaDelegate {

    static final int EXCERPT_LENGTH = 200;

    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final ReviewRepository reviews;
    private final ResultRepository results;
    private final DossierRepository dossiers;
    private final PanelService panel;
    private final AwardProperties properties;

    RankApplicationsDelegate(CallRepository calls, ApplicationRepository applications, ReviewRepository reviews,
            ResultRepository results, DossierRepository dossiers, PanelService panel, AwardProperties properties) {
        this.calls = calls;
        this.applications = applications;
        this.reviews = reviews;
        this.results = results;
        this.dossiers = dossiers;
        this.panel = panel;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.get(AwardCycleProcess.callId(execution));
        List<ReviewSummary> callReviews = reviews.byCall(call.id());
        Map<Long, Normalisation.Aggregate> aggregates = Normalisation.aggregate(callReviews.stream()
                .map(r -> new Normalisation.Review(r.applicationId(), r.judgeCode(), r.total().doubleValue())).toList());
        List<Ranking.Scored> scored = new ArrayList<>();
        for (StoredApplication a : applications.byCallAndStatus(call.id(), ApplicationStatus.REVIEWED)) {
            Normalisation.Aggregate aggregate = aggregates.getOrDefault(a.id(), new Normalisation.Aggregate(a.id(), 0, 0, 0, false, 0));
            scored.add(new Ranking.Scored(a.id(), a.code(), a.categoryCode(), aggregate));
        }
        List<Ranked> ranking = Ranking.rank(scored, call.winnersPerCategory(), call.shortlistPerCategory());
        results.saveRanking(call.id(), ranking);

        Map<Long, List<ReviewSummary>> reviewsByApplication = callReviews.stream()
                .collect(Collectors.groupingBy(ReviewSummary::applicationId));
        List<Map<String, Object>> shortlist = new ArrayList<>();
        for (Ranked r : ranking) {
            if (!r.shortlisted()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", r.categoryCode());
            row.put("rank", r.rank());
            row.put("code", r.code());
            row.put("title", dossiers.find(r.applicationId()).map(DossierRepository.Dossier::title).orElse(""));
            row.put("normalisedScore", r.normalisedScore());
            row.put("meanScore", r.meanScore());
            row.put("spread", r.spread() + (r.disagreement() ? " (judges disagree)" : ""));
            row.put("reviews", r.reviews());
            row.put("excerpts", excerpts(reviewsByApplication.getOrDefault(r.applicationId(), List.of())));
            shortlist.add(row);
        }
        List<String> members = new ArrayList<>(panel.members());
        execution.setVariable(AwardCycleProcess.SHORTLIST, SpinValues.jsonValue(Spin.JSON(shortlist)).create());
        // As JSON, like every collection the processes keep (the engine would pick Java serialization for a plain list).
        execution.setVariable(AwardCycleProcess.PANEL_MEMBERS, Variables.objectValue(members)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable(AwardCycleProcess.PANEL_QUORUM, Tally.quorum(members.size()));
        execution.setVariable(AwardCycleProcess.VOTING_DEADLINE,
                ProcessVariables.date(OffsetDateTime.now().plus(properties.votingPeriod())));
    }

    /** "J-03: first words of the comment …; J-07: …", by judge code only. */
    static String excerpts(List<ReviewSummary> reviews) {
        return reviews.stream()
                .filter(r -> r.panelComment() != null && !r.panelComment().isBlank())
                .map(r -> r.judgeCode() + ": " + shorten(r.panelComment().strip()))
                .collect(Collectors.joining(" | "));
    }

    private static String shorten(String text) {
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH - 1).stripTrailing() + "…";
    }
}
