package org.awardeval.anonymisation;

import java.util.List;
import org.awardeval.anonymisation.DossierRepository.Dossier;
import org.awardeval.call.CallRepository;
import org.awardeval.documents.Documents.Checked;
import org.awardeval.documents.Documents;
import org.awardeval.documents.Finding;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Prepares the coordinator's redaction check: the texts as submitted (on the task alone), the dossier to correct (in
 * the application's instance, where the completed form writes it back), what the documents' identity check found,
 * and a warning when the facts the dossier keeps single the applicant out. Judges cannot read any of it.
 */
@Component
class RedactionCheckListener implements TaskListener {

    private final ApplicationRepository applications;
    private final DossierRepository dossiers;
    private final Documents documents;
    private final CallRepository calls;

    RedactionCheckListener(ApplicationRepository applications, DossierRepository dossiers, Documents documents, CallRepository calls) {
        this.applications = applications;
        this.dossiers = dossiers;
        this.documents = documents;
        this.calls = calls;
    }

    @Override
    public void notify(DelegateTask task) {
        StoredApplication application = applications.get(ApplicationProcess.applicationId(task));
        Dossier dossier = dossiers.find(application.id()).orElseThrow();
        task.setVariableLocal(ApplicationProcess.ORIGINAL_TITLE, application.title());
        task.setVariableLocal(ApplicationProcess.ORIGINAL_SUMMARY, application.summary());
        task.setVariableLocal(ApplicationProcess.ORIGINAL_DESCRIPTION, DossierRedaction.fullDescription(application));
        List<Checked> checked = documents.recheck(application.callId(), application.id());
        task.setVariableLocal(ApplicationProcess.DOCUMENT_REPORT, report(checked));
        String category = calls.categoryName(application.callId(), application.categoryCode());
        task.setVariableLocal(ApplicationProcess.UNIQUENESS_WARNING, SinglingFacts.check(application,
                dossier.title() + "\n" + dossier.summary() + "\n" + dossier.description(), category,
                (sameCountry, sameType) -> applications.countAlike(application, sameCountry, sameType))
                .map(w -> "**Singled out:** " + w.message()).orElse(""));
        task.getExecution().setVariable(ApplicationProcess.DOCUMENT_LIST, Documents.officeLinks(checked));
        task.getExecution().setVariable(ApplicationProcess.DOSSIER_TITLE, dossier.title());
        task.getExecution().setVariable(ApplicationProcess.DOSSIER_SUMMARY, dossier.summary());
        task.getExecution().setVariable(ApplicationProcess.DOSSIER_DESCRIPTION, dossier.description());
        // Releasing is what a check usually ends with; asking the applicant is the coordinator's choice.
        task.getExecution().setVariable(ApplicationProcess.REDACTION_DECISION, ApplicationProcess.RELEASE);
        task.getExecution().setVariable(ApplicationProcess.WITHHOLD_NAMING_DOCUMENTS, false);
        task.getExecution().setVariable(ApplicationProcess.GENERALISE_FACTS, false);
    }

    /** Each document with where it still names the applicant, in Markdown for the form. */
    static String report(List<Checked> checked) {
        if (checked.isEmpty()) {
            return "No documents came with this application.";
        }
        StringBuilder report = new StringBuilder();
        for (Checked c : checked) {
            report.append("- **").append(c.slot().label()).append("** (").append(c.facts()).append("): ");
            List<Finding> naming = c.findings().stream().filter(f -> !f.removed()).toList();
            if (naming.isEmpty()) {
                report.append("names nobody; judges get a copy without its metadata.");
            } else {
                report.append("still names the applicant: ").append(String.join("; ", naming.stream().limit(5).map(Finding::describe)
                        .toList())).append(naming.size() > 5 ? "; and " + (naming.size() - 5) + " more" : "").append('.');
            }
            report.append('\n');
        }
        return report.toString();
    }
}
