package org.awardeval.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awardeval.call.Rubric;
import org.awardeval.review.ReviewRepository.ScoredReview;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens the disagreement round: each judge of each split application gets a request to reconsider their review. */
@Service
public class DisagreementRound {

    private final ReviewRepository reviews;
    private final Revisions revisions;

    DisagreementRound(ReviewRepository reviews, Revisions revisions) {
        this.reviews = reviews;
        this.revisions = revisions;
    }

    /** The requests of these applications' judges, opened once: a retry returns the same ids. */
    @Transactional
    public List<Long> open(long callId, Collection<Long> applicationIds, OffsetDateTime dueAt) {
        List<Long> ids = new ArrayList<>();
        for (long applicationId : applicationIds) {
            for (ScoredReview review : reviews.scored(applicationId)) {
                ids.add(revisions.open(callId, review.id(), applicationId, review.judgeCode(), dueAt, review.total(), scores(review.scores())));
            }
        }
        return ids;
    }

    /** "Innovation 4, Impact and reach 3, ..." in the rubric's order. */
    static String scores(Map<String, Integer> scores) {
        return Rubric.CRITERIA.stream().filter(scores::containsKey).map(c -> Rubric.LABELS.get(c) + " " + scores.get(c))
                .collect(Collectors.joining(", "));
    }

    static BigDecimal total(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
