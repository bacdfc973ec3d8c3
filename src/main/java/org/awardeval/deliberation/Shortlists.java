package org.awardeval.deliberation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.Ranking.Ranked;
import org.awardeval.review.ReviewRepository.ReviewSummary;
import org.awardeval.review.ReviewRepository;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.springframework.stereotype.Component;

/**
 * Ranks a call's reviewed applications and keeps the ranking; returns the shortlist as the panel reads it (code,
 * anonymised title, scores, review excerpts by judge code). Run when the reviews are done, and again when a
 * shortlisted application is withdrawn.
 */
@Component
class Shortlists {

    static final int EXCERPT_LENGTH = 200;

    private final ApplicationRepository applications;
    private final ReviewRepository reviews;
    private final ResultRepository results;
    private final DossierRepository dossiers;
    private final CallRepository calls;

    Shortlists(ApplicationRepository applications, ReviewRepository reviews, ResultRepository results, DossierRepository dossiers,
            CallRepository calls) {
        this.calls = calls;
        this.applications = applications;
        this.reviews = reviews;
        this.results = results;
        this.dossiers = dossiers;
    }

    List<Map<String, Object>> rank(AwardCall call) {
        List<ReviewSummary> callReviews = reviews.byCall(call.id());
        Map<Long, Normalisation.Aggregate> aggregates = Normalisation.aggregate(callReviews.stream()
                .map(r -> new Normalisation.Review(r.applicationId(), r.judgeCode(), r.total().doubleValue())).toList());
        List<Ranking.Scored> scored = new ArrayList<>();
        for (StoredApplication a : applications.byCallAndStatus(call.id(), ApplicationStatus.REVIEWED)) {
            Normalisation.Aggregate aggregate = aggregates.getOrDefault(a.id(), new Normalisation.Aggregate(a.id(), 0, 0, 0, false, 0));
            scored.add(new Ranking.Scored(a.id(), a.code(), a.categoryCode(), aggregate));
        }
        List<Ranked> ranking = Ranking.rank(scored, calls.quotas(call.id()));
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
        return shortlist;
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
