package org.awardeval.review;

import java.util.List;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.ReviewReassignment;
import org.awardeval.system.FieldChecks;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Replaces the judge of this review: after they declared a conflict of interest, or when the grace period after the
 * due date is over. The instance then loads the dossier for the new judge; what the previous judge entered is
 * cleared. Raises {@value #ERROR_NO_JUDGE} when nobody is free.
 */
@Component
public class ReassignReviewDelegate implements JavaDelegate {

    public static final String ERROR_NO_JUDGE = "NoJudgeFree";
    static final List<String> FORM_VARIABLES = List.of(Vars.CONFLICT_DECLARED, Vars.CONFLICT_REASON, Vars.PANEL_COMMENT,
            Vars.APPLICANT_FEEDBACK, Vars.CONFIDENCE);

    private final ReviewReassignment reassignment;
    private final AssignmentRepository assignments;

    public ReassignReviewDelegate(ReviewReassignment reassignment, AssignmentRepository assignments) {
        this.reassignment = reassignment;
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewInstance = execution.getProcessInstanceId();
        long assignmentId = assignments.openOfReview(reviewInstance)
                .orElseThrow(() -> new IllegalStateException("Review " + reviewInstance + " has no open assignment")).id();
        boolean conflict = Vars.bool(execution, Vars.CONFLICT_DECLARED);
        String reason;
        if (conflict) {
            FieldChecks checks = new FieldChecks();
            String why = checks.text(Vars.CONFLICT_REASON, Vars.string(execution, Vars.CONFLICT_REASON), true, 1000);
            checks.throwIfAnyOnTask();
            reassignment.recordDeclaredConflict(assignmentId);
            reason = "conflict of interest declared by the judge: " + why;
        } else {
            reason = "review overdue after the grace period";
        }
        long next = reassignment.reassign(assignmentId, reason)
                .orElseThrow(() -> new BpmnError(ERROR_NO_JUDGE, "No judge is free to take over this review"));
        assignments.bindReviewInstance(next, reviewInstance);
        execution.removeVariables(FORM_VARIABLES);
        Rubric.CRITERIA.forEach(criterion -> execution.removeVariable(Vars.SCORE_PREFIX + criterion));
    }
}
