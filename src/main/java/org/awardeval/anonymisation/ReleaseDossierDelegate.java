package org.awardeval.anonymisation;

import java.util.List;
import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the dossier as the coordinator confirmed or corrected it. A dossier that still contains the applicant's
 * names, people's full names, e-mail addresses, links or phone numbers is refused and the check stays open.
 */
@Component
class ReleaseDossierDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final DossierRepository dossiers;

    ReleaseDossierDelegate(ApplicationRepository applications, DossierRepository dossiers) {
        this.applications = applications;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StoredApplication application = applications.get(ApplicationProcess.applicationId(execution));
        Redactor redactor = DossierRedaction.redactor(application, applications.extraFacts(application.id()));
        FieldChecks checks = new FieldChecks();
        String title = checked(checks, redactor, ApplicationProcess.DOSSIER_TITLE, ProcessVariables.string(execution,
                ApplicationProcess.DOSSIER_TITLE), 300);
        String summary = checked(checks, redactor, ApplicationProcess.DOSSIER_SUMMARY, ProcessVariables.string(execution,
                ApplicationProcess.DOSSIER_SUMMARY), 2000);
        String description = checked(checks, redactor, ApplicationProcess.DOSSIER_DESCRIPTION,
                ProcessVariables.string(execution, ApplicationProcess.DOSSIER_DESCRIPTION),
                23000);
        checks.throwIfAnyOnTask();
        dossiers.save(new Dossier(application.id(), title, summary, description));
        execution.removeVariables(List.of(ApplicationProcess.DOSSIER_TITLE, ApplicationProcess.DOSSIER_SUMMARY,
                ApplicationProcess.DOSSIER_DESCRIPTION));
    }

    private static String checked(FieldChecks checks, Redactor redactor, String field, String text, int maxLength) {
        String value = checks.text(field, text, true, maxLength);
        List<String> identifiers = redactor.identifiersIn(value);
        if (!identifiers.isEmpty()) {
            checks.fail(field, "still contains " + String.join(", ", identifiers) + " of the applicant");
        }
        return value;
    }
}
