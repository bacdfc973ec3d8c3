package org.awardeval.review;

import java.time.OffsetDateTime;
import org.awardeval.review.Revisions.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At the round's deadline without an answer: the review stays as it was, and the record says so. */
@Component
class RecordNoAnswerDelegate implements JavaDelegate {

    private final Revisions revisions;
    private final DisagreementRound round;

    RecordNoAnswerDelegate(Revisions revisions, DisagreementRound round) {
        this.revisions = revisions;
        this.round = round;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revisions.ofInstance(execution.getProcessInstanceId()).ifPresent(r -> {
            revisions.answer(r.id(), Status.EXPIRED, null, null, null, OffsetDateTime.now());
            round.wakeCycleIfAnswered(r.callId());
        });
    }
}
