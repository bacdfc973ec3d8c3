package org.awardeval.anonymisation;

import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the dossier that judges will see: the application's texts without identifying details. */
@Component
class AnonymiseDossierDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final DossierRepository dossiers;

    AnonymiseDossierDelegate(ApplicationRepository applications, DossierRepository dossiers) {
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StoredApplication application = applications.get(ApplicationProcess.applicationId(execution));
        dossiers.save(anonymise(application));
    }

    Dossier anonymise(StoredApplication application) {
        return DossierRedaction.anonymise(application, applications.extraFacts(application.id()));
    }
}
