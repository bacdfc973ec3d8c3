package org.awardeval.anonymisation;

import java.util.List;
import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the dossier that judges will see: the application's texts without identifying details. */
@Component
public class AnonymiseDossierDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final DossierRepository dossiers;

    public AnonymiseDossierDelegate(ApplicationRepository applications, DossierRepository dossiers) {
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StoredApplication application = applications.get(Vars.requiredLong(execution, Vars.APPLICATION_ID));
        dossiers.save(anonymise(application));
    }

    public static Dossier anonymise(StoredApplication application) {
        Redactor redactor = new Redactor(application.organisationName(), List.of(application.contactName()));
        String description = application.outcomes() == null ? application.description()
                : application.description() + "\n\nOutcome figures: " + application.outcomes();
        return new Dossier(application.id(), redactor.redact(application.title()), redactor.redact(application.summary()),
                redactor.redact(description));
    }
}
