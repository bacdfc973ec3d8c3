package org.awardeval.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.awardeval.call.CallRepository;
import org.awardeval.call.Rubric;
import org.awardeval.process.ProcessVariables;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.review.Revisions.Revision;
import org.awardeval.review.Revisions.Status;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the judge's answer in the transaction that completes their task, so that an invalid answer leaves the task
 * open: kept scores, or revised scores with a reason (the review's total changes; the first scores stay in the record).
 */
@Component
class RecordRevisionDelegate implements JavaDelegate {

    private final Revisions revisions;
    private final ReviewRepository reviews;
    private final CallRepository calls;
    private final DisagreementRound round;

    RecordRevisionDelegate(Revisions revisions, ReviewRepository reviews, CallRepository calls, DisagreementRound round) {
        this.revisions = revisions;
        this.reviews = reviews;
        this.calls = calls;
        this.round = round;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Revision revision = revisions.ofInstance(execution.getProcessInstanceId()).orElseThrow();
        if (revision.status() != Status.OPEN) {
            return; // answered before this retry
        }
        OffsetDateTime now = OffsetDateTime.now();
        FieldChecks checks = new FieldChecks();
        String decision = ProcessVariables.string(execution, ReconsiderProcess.DECISION);
        String reason = checks.text(ReconsiderProcess.REASON, ProcessVariables.string(execution, ReconsiderProcess.REASON), false, 2000);
        if (ReconsiderProcess.DECISION_KEEP.equals(decision)) {
            checks.throwIfAnyOnTask();
            revisions.answer(revision.id(), Status.KEPT, revision.totalBefore(), revision.scoresBefore(), reason, now);
            round.wakeCycleIfAnswered(revision.callId());
            return;
        }
        if (!ReconsiderProcess.DECISION_REVISE.equals(decision)) {
            checks.fail(ReconsiderProcess.DECISION, "must be to keep or to revise your scores");
        }
        // The reconsider form names its score fields as the review form does.
        Map<String, Integer> scores = RecordReviewDelegate.scores(execution, checks);
        if (reason == null || reason.isBlank()) {
            checks.fail(ReconsiderProcess.REASON, "is required when you revise your scores: say what changed your view");
        }
        checks.throwIfAnyOnTask();
        BigDecimal total = Rubric.total(scores, calls.rubric(revision.callId()));
        reviews.revise(revision.reviewId(), scores, total);
        revisions.answer(revision.id(), Status.REVISED, total, DisagreementRound.scores(scores), reason.strip(), now);
        round.wakeCycleIfAnswered(revision.callId());
    }
}
