package org.awardeval.anonymisation;

import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Prepares the coordinator's redaction check: the texts as submitted (on the task alone) and the dossier to correct
 * (in the application's instance, where the completed form writes it back). Judges cannot read either.
 */
@Component
public class RedactionCheckListener implements TaskListener {

    private final ApplicationRepository applications;
    private final DossierRepository dossiers;

    public RedactionCheckListener(ApplicationRepository applications, DossierRepository dossiers) {
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public void notify(DelegateTask task) {
        StoredApplication application = applications.get(Vars.requiredLong(task, Vars.APPLICATION_ID));
        Dossier dossier = dossiers.find(application.id()).orElseThrow();
        task.setVariableLocal(Vars.ORIGINAL_TITLE, application.title());
        task.setVariableLocal(Vars.ORIGINAL_SUMMARY, application.summary());
        task.setVariableLocal(Vars.ORIGINAL_DESCRIPTION, AnonymiseDossierDelegate.fullDescription(application));
        task.getExecution().setVariable(Vars.DOSSIER_TITLE, dossier.title());
        task.getExecution().setVariable(Vars.DOSSIER_SUMMARY, dossier.summary());
        task.getExecution().setVariable(Vars.DOSSIER_DESCRIPTION, dossier.description());
    }
}
