package org.awardeval.submission;

import java.util.List;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Links the process to its stored application. An application entered through the Tasklist start form is validated
 * and stored here, through the same validation as every other channel; its long texts then leave the process.
 */
@Component
public class RegisterApplicationDelegate implements JavaDelegate {

    private final SubmissionService submissions;
    private final ApplicationRepository applications;

    public RegisterApplicationDelegate(SubmissionService submissions, ApplicationRepository applications) {
        this.submissions = submissions;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(Vars.APPLICATION_ID) == null) {
            ApplicationForm form = new ApplicationForm(Vars.string(execution, Vars.ORGANISATION_NAME),
                    Vars.string(execution, Vars.ORGANISATION_TYPE), Vars.string(execution, Vars.COUNTRY),
                    Vars.string(execution, Vars.CATEGORY_CODE), Vars.string(execution, Vars.CONTACT_NAME),
                    Vars.string(execution, Vars.CONTACT_EMAIL), Vars.string(execution, Vars.TITLE),
                    Vars.string(execution, Vars.SUMMARY), Vars.string(execution, Vars.DESCRIPTION),
                    Vars.integer(execution, Vars.EDUCATORS_REACHED), Vars.string(execution, Vars.OUTCOMES),
                    Vars.string(execution, Vars.PARTNERS), Vars.bool(execution, Vars.CONSENT), null, null);
            StoredApplication stored = submissions.store(Vars.requiredLong(execution, Vars.CALL_ID), form);
            execution.removeVariables(List.of(Vars.TITLE, Vars.SUMMARY, Vars.DESCRIPTION, Vars.EDUCATORS_REACHED, Vars.OUTCOMES,
                    Vars.PARTNERS, Vars.CONSENT));
            execution.setVariables(SubmissionService.identityVariables(stored));
            execution.setProcessBusinessKey(stored.code());
        }
        applications.setProcessInstance(Vars.requiredLong(execution, Vars.APPLICATION_ID), execution.getProcessInstanceId());
    }
}
