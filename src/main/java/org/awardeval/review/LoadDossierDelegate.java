package org.awardeval.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.call.CallRepository;
import org.awardeval.call.Rubric;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents;
import org.awardeval.documents.StoredDocument;
import org.awardeval.process.ProcessVariables;
import org.awardeval.process.ReviewProcess;
import org.awardeval.settings.AwardProperties;
import org.awardeval.web.Moments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the anonymised dossier and the assignment's dates into the review instance. The judge can read every variable
 * of this instance, so nothing else of the application may be set here.
 */
@Component
class LoadDossierDelegate implements JavaDelegate {

    private final AssignmentRepository assignments;
    private final DossierRepository dossiers;
    private final AwardProperties properties;
    private final CallRepository calls;
    private final Documents documents;
    private final JudgeRepository judges;

    LoadDossierDelegate(AssignmentRepository assignments, DossierRepository dossiers, AwardProperties properties,
            CallRepository calls, Documents documents, JudgeRepository judges) {
        this.judges = judges;
        this.documents = documents;
        this.calls = calls;
        this.assignments = assignments;
        this.dossiers = dossiers;
        this.properties = properties;
    }

    /** At the start, the application's instance names the assignment; nobody has written to this instance yet. */
    private AssignmentView first(DelegateExecution execution) {
        long id = ProcessVariables.requiredLong(execution, ReviewProcess.ASSIGNMENT_ID);
        if (!assignments.bindReviewInstance(id, execution.getProcessInstanceId())) {
            throw new IllegalStateException("Assignment " + id + " belongs to another review");
        }
        return assignments.view(id);
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssignmentView assignment = assignments.openOfReview(execution.getProcessInstanceId()).orElseGet(() -> first(execution));
        Dossier dossier = dossiers.find(assignment.applicationId())
                .orElseThrow(() -> new IllegalStateException("Application " + assignment.applicationCode() + " has no dossier"));
        OffsetDateTime due = assignment.dueAt();
        execution.setVariable(ReviewProcess.JUDGE_USER_ID, assignment.judgeUserId());
        execution.setVariable(ReviewProcess.JUDGE_CODE, assignment.judgeCode());
        execution.setVariable(ReviewProcess.APPLICATION_CODE, assignment.applicationCode());
        execution.setVariable(ReviewProcess.CATEGORY_NAME, calls.categoryName(assignment.callId(), assignment.categoryCode()));
        execution.setVariable(ReviewProcess.REVIEW_DUE_AT, ProcessVariables.date(due));
        execution.setVariable(ReviewProcess.REVIEW_DUE_IN_WORDS, Moments.inWords(due,
                judges.timeZone(assignment.judgeUserId()).orElse(calls.get(assignment.callId()).timeZone())));
        execution.setVariable(ReviewProcess.GRACE_ENDS_AT, ProcessVariables.date(due.plus(properties.reviewGrace())));
        execution.setVariable(ReviewProcess.RUBRIC_WEIGHTS, calls.rubric(assignment.callId()).entrySet().stream()
                .map(e -> Rubric.LABELS.get(e.getKey()) + " × " + e.getValue().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", ")));
        execution.setVariable(ReviewProcess.DOSSIER_TITLE, dossier.title());
        execution.setVariable(ReviewProcess.DOSSIER_SUMMARY, dossier.summary());
        execution.setVariable(ReviewProcess.DOSSIER_DESCRIPTION, dossier.description());
        execution.setVariable(ReviewProcess.DOSSIER_DOCUMENTS, documentLinks(assignment));
    }

    /** The released documents as links; the file names applicants gave are left out (they may name them). */
    private String documentLinks(AssignmentView assignment) {
        List<StoredDocument> released = documents.released(assignment.applicationId());
        if (released.isEmpty()) {
            return "None.";
        }
        List<DocumentSlot> slots = documents.slots(assignment.callId());
        StringBuilder links = new StringBuilder();
        for (StoredDocument d : released) {
            String label = Documents.slotIn(slots, d.slotCode()).label();
            links.append("- ").append(d.isLink() ? label + ": " + d.link().replaceAll("[\\[\\]()<>]", "")
                    : "[" + label + "](/documents/" + d.id() + ")" + (d.pages() == null ? "" : " (" + d.pages() + " pages)")).append('\n');
        }
        return links.toString();
    }
}
