package org.awardeval.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
import org.awardeval.call.CallRepository;
import org.awardeval.call.Rubric;
import org.awardeval.process.ProcessVariables;
import org.awardeval.process.ReviewProcess;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the judge's scores on the server and stores the review. It runs in the transaction that completes the task,
 * so an invalid score refuses the completion and the task stays open with the judge.
 */
@Component
class RecordReviewDelegate implements JavaDelegate {

    private static final List<String> CONFIDENCE = List.of("LOW", "MEDIUM", "HIGH");

    private final ReviewRepository reviews;
    private final AssignmentRepository assignments;
    private final CallRepository calls;

    RecordReviewDelegate(ReviewRepository reviews, AssignmentRepository assignments, CallRepository calls) {
        this.reviews = reviews;
        this.assignments = assignments;
        this.calls = calls;
    }

    /** A score from 1 to 5 per criterion of the rubric, from the form's score_ fields; each problem noted on its field. */
    static Map<String, Integer> scores(VariableScope scope, FieldChecks checks) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String criterion : Rubric.CRITERIA) {
            String field = ReviewProcess.SCORE_PREFIX + criterion;
            try {
                scores.put(criterion, checks.range(field, ProcessVariables.integer(scope, field), true, Rubric.MIN, Rubric.MAX));
            } catch (IllegalArgumentException | ArithmeticException e) {
                checks.fail(field, "must be a whole number from " + Rubric.MIN + " to " + Rubric.MAX);
            }
        }
        return scores;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssignmentView assignment = assignments.openOfReview(execution.getProcessInstanceId()).orElse(null);
        if (assignment == null) {
            return; // recorded before this retry
        }
        long assignmentId = assignment.id();
        FieldChecks checks = new FieldChecks();
        Map<String, Integer> scores = scores(execution, checks);
        String panelComment = checks.text(ReviewProcess.PANEL_COMMENT, ProcessVariables.string(execution,
                ReviewProcess.PANEL_COMMENT), true, 5000);
        String feedback = checks.text(ReviewProcess.APPLICANT_FEEDBACK, ProcessVariables.string(execution,
                ReviewProcess.APPLICANT_FEEDBACK), true, 5000);
        String confidence = ProcessVariables.string(execution, ReviewProcess.CONFIDENCE);
        if (confidence != null && !CONFIDENCE.contains(confidence)) {
            checks.fail(ReviewProcess.CONFIDENCE, "must be one of " + CONFIDENCE);
        }
        checks.throwIfAnyOnTask();

        if (!reviews.exists(assignmentId)) {
            BigDecimal total = Rubric.total(scores, calls.rubric(assignment.callId()));
            reviews.insert(assignment, execution.getProcessInstanceId(), scores, total, panelComment, feedback, confidence);
            assignments.markDone(assignmentId);
        }
    }
}
