package org.awardeval.submission;

import java.util.List;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Links the process to its stored application. An application entered through the Tasklist start form is validated
 * and stored here, through the same validation as every other channel; its long texts then leave the process.
 */
@Component
class RegisterApplicationDelegate implements JavaDelegate {

    private final SubmissionService submissions;
    private final ApplicationRepository applications;

    RegisterApplicationDelegate(SubmissionService submissions, ApplicationRepository applications) {
        this.submissions = submissions;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(ApplicationProcess.APPLICATION_ID) == null) {
            ApplicationForm form = new ApplicationForm(text(execution, ApplicationProcess.ORGANISATION_NAME),
                    text(execution, ApplicationProcess.ORGANISATION_TYPE), text(execution, ApplicationProcess.COUNTRY),
                    text(execution, ApplicationProcess.CATEGORY_CODE), text(execution, ApplicationProcess.CONTACT_NAME),
                    text(execution, ApplicationProcess.CONTACT_EMAIL), text(execution, ApplicationProcess.TITLE),
                    text(execution, ApplicationProcess.SUMMARY), text(execution, ApplicationProcess.DESCRIPTION),
                    ProcessVariables.integer(execution, ApplicationProcess.EDUCATORS_REACHED),
                    text(execution, ApplicationProcess.OUTCOMES), text(execution, ApplicationProcess.PARTNERS),
                    ProcessVariables.bool(execution, ApplicationProcess.CONSENT), null, null);
            StoredApplication stored = submissions.store(ApplicationProcess.callId(execution), form);
            execution.removeVariables(List.of(ApplicationProcess.TITLE, ApplicationProcess.SUMMARY,
                    ApplicationProcess.DESCRIPTION, ApplicationProcess.EDUCATORS_REACHED, ApplicationProcess.OUTCOMES,
                    ApplicationProcess.PARTNERS, ApplicationProcess.CONSENT));
            execution.setVariables(SubmissionService.identityVariables(stored));
            execution.setProcessBusinessKey(stored.code());
        }
        applications.setProcessInstance(ApplicationProcess.applicationId(execution), execution.getProcessInstanceId());
    }

    private static String text(DelegateExecution execution, String name) {
        return ProcessVariables.string(execution, name);
    }
}
