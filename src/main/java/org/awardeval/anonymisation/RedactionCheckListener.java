package org.awardeval.anonymisation;

import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Prepares the coordinator's redaction check: the texts as submitted (on the task alone) and the dossier to correct
 * (in the application's instance, where the completed form writes it back). Judges cannot read either.
 */
@Component
class RedactionCheckListener implements TaskListener {

    private final ApplicationRepository applications;
    private final DossierRepository dossiers;

    RedactionCheckListener(ApplicationRepository applications, DossierRepository dossiers) {
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public void notify(DelegateTask task) {
        StoredApplication application = applications.get(ApplicationProcess.applicationId(task));
        Dossier dossier = dossiers.find(application.id()).orElseThrow();
        task.setVariableLocal(ApplicationProcess.ORIGINAL_TITLE, application.title());
        task.setVariableLocal(ApplicationProcess.ORIGINAL_SUMMARY, application.summary());
        task.setVariableLocal(ApplicationProcess.ORIGINAL_DESCRIPTION, DossierRedaction.fullDescription(application));
        task.getExecution().setVariable(ApplicationProcess.DOSSIER_TITLE, dossier.title());
        task.getExecution().setVariable(ApplicationProcess.DOSSIER_SUMMARY, dossier.summary());
        task.getExecution().setVariable(ApplicationProcess.DOSSIER_DESCRIPTION, dossier.description());
        // Releasing is what a check usually ends with; asking the applicant is the coordinator's choice.
        task.getExecution().setVariable(ApplicationProcess.REDACTION_DECISION, ApplicationProcess.RELEASE);
    }
}
