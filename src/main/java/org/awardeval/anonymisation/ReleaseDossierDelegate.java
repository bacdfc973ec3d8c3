package org.awardeval.anonymisation;

import java.util.List;
import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.documents.Documents;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the dossier as the coordinator confirmed or corrected it (generalised, when they chose so) and releases the
 * application's documents. A dossier that still contains the applicant's names, people's full names, e-mail addresses,
 * links or phone numbers is refused and the check stays open, as is a document that still names them unless the
 * coordinator withholds it from the judges.
 */
@Component
class ReleaseDossierDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final DossierRepository dossiers;
    private final Documents documents;

    ReleaseDossierDelegate(ApplicationRepository applications, DossierRepository dossiers, Documents documents) {
        this.applications = applications;
        this.dossiers = dossiers;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StoredApplication application = applications.get(ApplicationProcess.applicationId(execution));
        Redactor redactor = DossierRedaction.redactor(application, applications.extraFacts(application.id()));
        boolean generalise = Boolean.TRUE.equals(execution.getVariable(ApplicationProcess.GENERALISE_FACTS));
        FieldChecks checks = new FieldChecks();
        String title = checked(checks, redactor, ApplicationProcess.DOSSIER_TITLE, text(execution, ApplicationProcess.DOSSIER_TITLE,
                generalise, application), 300);
        String summary = checked(checks, redactor, ApplicationProcess.DOSSIER_SUMMARY, text(execution, ApplicationProcess.DOSSIER_SUMMARY,
                generalise, application), 2000);
        String description = checked(checks, redactor, ApplicationProcess.DOSSIER_DESCRIPTION,
                text(execution, ApplicationProcess.DOSSIER_DESCRIPTION, generalise, application), 23000);
        checks.throwIfAnyOnTask();
        String coordinator = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? "system"
                : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        try {
            documents.release(application.callId(), application.id(),
                    Boolean.TRUE.equals(execution.getVariable(ApplicationProcess.WITHHOLD_NAMING_DOCUMENTS)), coordinator);
        } catch (ValidationException e) {
            e.errors().forEach(error -> checks.fail(error.field(), error.message()));
            checks.throwIfAnyOnTask();
        }
        dossiers.save(new Dossier(application.id(), title, summary, description));
        execution.removeVariables(List.of(ApplicationProcess.DOSSIER_TITLE, ApplicationProcess.DOSSIER_SUMMARY,
                ApplicationProcess.DOSSIER_DESCRIPTION));
    }

    /** The coordinator's text, generalised when they chose so: the country by its region, figures rounded. */
    private static String text(DelegateExecution execution, String field, boolean generalise, StoredApplication application) {
        String text = ProcessVariables.string(execution, field);
        return generalise ? SinglingFacts.generalise(text, application) : text;
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
