package org.awardeval.review;
import java.util.List;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.ReviewReassignment;
import org.awardeval.call.Rubric;
import org.awardeval.process.ProcessVariables;
import org.awardeval.process.ReviewProcess;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Replaces the judge of this review: after they declared a conflict of interest, or when the grace period after the
 * due date is over. The instance then loads the dossier for the new judge; what the previous judge entered is
 * cleared. Raises {@value ReviewProcess#ERROR_NO_JUDGE_FREE} when nobody is free.
 */
@Component
class ReassignReviewDelegate implements JavaDelegate {
    static final List<String> FORM_VARIABLES = List.of(ReviewProcess.CONFLICT_DECLARED, ReviewProcess.CONFLICT_REASON,
            ReviewProcess.PANEL_COMMENT,
            ReviewProcess.APPLICANT_FEEDBACK, ReviewProcess.CONFIDENCE);

    private final ReviewReassignment reassignment;
    private final AssignmentRepository assignments;

    ReassignReviewDelegate(ReviewReassignment reassignment, AssignmentRepository assignments) {
        this.reassignment = reassignment;
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewInstance = execution.getProcessInstanceId();
        long assignmentId = assignments.openOfReview(reviewInstance)
                .orElseThrow(() -> new IllegalStateException("Review " + reviewInstance + " has no open assignment")).id();
        boolean conflict = ProcessVariables.bool(execution, ReviewProcess.CONFLICT_DECLARED);
        String reason;
        if (conflict) {
            FieldChecks checks = new FieldChecks();
            String why = checks.text(ReviewProcess.CONFLICT_REASON, ProcessVariables.string(execution,
                    ReviewProcess.CONFLICT_REASON), true, 1000);
            checks.throwIfAnyOnTask();
            reassignment.recordDeclaredConflict(assignmentId);
            reason = "conflict of interest declared by the judge: " + why;
        } else {
            reason = "review overdue after the grace period";
        }
        long next = reassignment.reassign(assignmentId, reason)
                .orElseThrow(() -> new BpmnError(ReviewProcess.ERROR_NO_JUDGE_FREE, "No judge is free to take over this review"));
        assignments.bindReviewInstance(next, reviewInstance);
        execution.removeVariables(FORM_VARIABLES);
        Rubric.CRITERIA.forEach(criterion -> execution.removeVariable(ReviewProcess.SCORE_PREFIX + criterion));
    }
}
