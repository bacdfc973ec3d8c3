package org.awardeval.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At the review deadline: each late judge gets one notice of what is overdue, and the coordinators' follow-up task
 * lists the overdue reviews by application and judge code.
 */
@Component
class NoticeOverdueReviewsDelegate implements JavaDelegate {

    private final ReviewDigests digests;

    NoticeOverdueReviewsDelegate(ReviewDigests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Overdue are the reviews due by the deadline this timer was set for; a replacement judge's later date is not.
        OffsetDateTime deadline = ProcessVariables.moment(execution, AwardCycleProcess.REVIEWS_DUE_AT);
        List<AssignmentView> overdue = digests.noticeOverdue(AwardCycleProcess.callId(execution),
                deadline == null ? OffsetDateTime.now() : deadline);
        execution.setVariable(AwardCycleProcess.OVERDUE_REVIEWS, overdue.size());
        execution.setVariable(AwardCycleProcess.OVERDUE_LIST, overdue.stream()
                .map(a -> "- " + a.applicationCode() + " by " + a.judgeCode() + " (" + a.judgeEmail() + ")")
                .collect(Collectors.joining("\n")));
    }
}
