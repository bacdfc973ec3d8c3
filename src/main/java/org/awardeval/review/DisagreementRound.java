package org.awardeval.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.awardeval.call.CallService;
import org.awardeval.call.Rubric;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.review.ReviewRepository.ScoredReview;
import org.awardeval.submission.CycleWakeUp;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the disagreement round: each judge of each split application gets a request to reconsider their review, in a
 * reconsider instance of its own. The instances are not children of the cycle: a multi-instance call activity made each
 * ending instance read all its siblings and ran their jobs one at a time under the cycle's root (docs/BENCHMARKS.md);
 * the cycle waits for the table instead, woken by the last answer ({@link CycleWakeUp}). Each instance begins in a job of
 * its own: the engine orders the rows of one flush pairwise, so making 3,000 judges' tasks and their variables in this
 * transaction took most of a minute (docs/BENCHMARKS.md).
 */
@Service
public class DisagreementRound {

    private final ReviewRepository reviews;
    private final Revisions revisions;
    private final RuntimeService runtimeService;
    private final CycleWakeUp wakeUp;

    DisagreementRound(ReviewRepository reviews, Revisions revisions, RuntimeService runtimeService, CycleWakeUp wakeUp) {
        this.reviews = reviews;
        this.revisions = revisions;
        this.runtimeService = runtimeService;
        this.wakeUp = wakeUp;
    }

    /** The business key of a call's reconsider instances; the call's own key stays its cycle's alone. */
    public static String businessKey(long callId) {
        return CallService.businessKey(callId) + "-round";
    }

    /** Asks these applications' judges to reconsider, each in an instance of its own; returns how many were asked. */
    @Transactional
    public int open(long callId, Collection<Long> applicationIds, OffsetDateTime dueAt) {
        int asked = 0;
        for (long applicationId : applicationIds) {
            for (ScoredReview review : reviews.scored(applicationId)) {
                long id = revisions.open(callId, review.id(), applicationId, review.judgeCode(), dueAt, review.total(), scores(review.scores()));
                runtimeService.createProcessInstanceByKey(ReconsiderProcess.KEY).businessKey(businessKey(callId))
                        .setVariable(ReconsiderProcess.REVISION_ID, id).execute();
                asked++;
            }
        }
        return asked;
    }

    /** Whether every judge asked in the call's round has answered or run out of time. */
    public boolean answered(long callId) {
        return !revisions.anyOpen(callId);
    }

    /** Wakes the cycle once this transaction commits, if it recorded the round's last answer. */
    void wakeCycleIfAnswered(long callId) {
        wakeUp.afterCommit(callId, AwardCycleProcess.MESSAGE_ROUND_ANSWERED, () -> answered(callId));
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
