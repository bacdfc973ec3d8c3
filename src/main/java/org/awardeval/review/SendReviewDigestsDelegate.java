package org.awardeval.review;

import java.time.OffsetDateTime;
import org.awardeval.process.AwardCycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before the review deadline: each judge gets one reminder listing all their open reviews of the call. */
@Component
class SendReviewDigestsDelegate implements JavaDelegate {

    private final ReviewDigests digests;

    SendReviewDigestsDelegate(ReviewDigests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        digests.remind(AwardCycleProcess.callId(execution), OffsetDateTime.now());
    }
}
