package org.awardeval.review;

import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.process.ProcessVariables;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.review.ReviewRepository.ScoredReview;
import org.awardeval.review.Revisions.Revision;
import org.awardeval.web.Moments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts into a reconsider instance what its judge reads: their own review and the others' by judge code, the anonymised
 * title, the deadline. The judge can read every variable of this instance, so nothing that names anybody is set here.
 */
@Component
class LoadOtherReviewsDelegate implements JavaDelegate {

    private final Revisions revisions;
    private final ReviewRepository reviews;
    private final DossierRepository dossiers;
    private final CallRepository calls;
    private final JudgeRepository judges;
    private final org.awardeval.assignment.AssignmentRepository assignments;

    LoadOtherReviewsDelegate(Revisions revisions, ReviewRepository reviews, DossierRepository dossiers, CallRepository calls,
            JudgeRepository judges, org.awardeval.assignment.AssignmentRepository assignments) {
        this.revisions = revisions;
        this.reviews = reviews;
        this.dossiers = dossiers;
        this.calls = calls;
        this.judges = judges;
        this.assignments = assignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.requiredLong(execution, ReconsiderProcess.REVISION_ID);
        if (!revisions.bind(id, execution.getProcessInstanceId())) {
            throw new IllegalStateException("Revision " + id + " belongs to another instance");
        }
        Revision revision = revisions.get(id);
        AwardCall call = calls.get(revision.callId());
        var assignment = assignments.view(reviews.assignmentOf(revision.reviewId()));
        String judgeUserId = assignment.judgeUserId();
        StringBuilder mine = new StringBuilder();
        StringBuilder others = new StringBuilder();
        for (ScoredReview review : reviews.scored(revision.applicationId())) {
            String text = "- **" + review.judgeCode() + "**: total " + DisagreementRound.total(review.total()) + " ("
                    + DisagreementRound.scores(review.scores()) + ")\n  " + (review.panelComment() == null ? "" : review.panelComment()
                    .replaceAll("\\s+", " ").strip()) + "\n";
            (review.judgeCode().equals(revision.judgeCode()) ? mine : others).append(text);
            if (review.judgeCode().equals(revision.judgeCode())) {
                review.scores().forEach((criterion, score) -> execution.setVariable(ReconsiderProcess.SCORE_PREFIX + criterion,
                        String.valueOf(score)));
            }
        }
        String applicationCode = assignment.applicationCode();
        String category = calls.categoryName(call.id(), assignment.categoryCode());
        execution.setVariable(ReconsiderProcess.JUDGE_USER_ID, judgeUserId);
        execution.setVariable(ReconsiderProcess.JUDGE_CODE, revision.judgeCode());
        execution.setVariable(ReconsiderProcess.APPLICATION_CODE, applicationCode);
        execution.setVariable(ReconsiderProcess.CATEGORY_NAME, category);
        execution.setVariable(ReconsiderProcess.DOSSIER_TITLE, dossiers.find(revision.applicationId()).map(DossierRepository.Dossier::title)
                .orElse(""));
        execution.setVariable(ReconsiderProcess.YOUR_REVIEW, mine.toString());
        execution.setVariable(ReconsiderProcess.OTHER_REVIEWS, others.isEmpty() ? "None." : others.toString());
        execution.setVariable(ReconsiderProcess.REVISION_DUE_AT, ProcessVariables.date(revision.dueAt()));
        execution.setVariable(ReconsiderProcess.REVISION_DUE_IN_WORDS, Moments.inWords(revision.dueAt(),
                judges.timeZone(judgeUserId).orElse(call.timeZone())));
        execution.setVariable(ReconsiderProcess.DECISION, ReconsiderProcess.DECISION_KEEP);
        execution.setVariable(ReconsiderProcess.REASON, "");
    }
}
