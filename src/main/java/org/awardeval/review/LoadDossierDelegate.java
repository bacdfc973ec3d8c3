package org.awardeval.review;

import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the anonymised dossier into the review instance. The judge can read every variable of this instance, so
 * nothing else of the application may be set here.
 */
@Component
public class LoadDossierDelegate implements JavaDelegate {

    private final AssignmentRepository assignments;
    private final DossierRepository dossiers;

    public LoadDossierDelegate(AssignmentRepository assignments, DossierRepository dossiers) {
        this.assignments = assignments;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssignmentView assignment = assignments.view(Vars.requiredLong(execution, Vars.ASSIGNMENT_ID));
        Dossier dossier = dossiers.find(assignment.applicationId())
                .orElseThrow(() -> new IllegalStateException("Application " + assignment.applicationCode() + " has no dossier"));
        assignments.setReviewInstance(assignment.id(), execution.getProcessInstanceId());
        execution.setVariable(Vars.JUDGE_USER_ID, assignment.judgeUserId());
        execution.setVariable(Vars.APPLICATION_CODE, assignment.applicationCode());
        execution.setVariable(Vars.CATEGORY_NAME, assignment.categoryName());
        execution.setVariable(Vars.REVIEW_DEADLINE, Vars.date(assignment.reviewDeadline()));
        execution.setVariable(Vars.DOSSIER_TITLE, dossier.title());
        execution.setVariable(Vars.DOSSIER_SUMMARY, dossier.summary());
        execution.setVariable(Vars.DOSSIER_DESCRIPTION, dossier.description());
    }
}
