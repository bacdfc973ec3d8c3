package org.awardeval.clarification;

import org.awardeval.process.ApplicationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remind the applicant": one reminder of a question still open, a day before its deadline. */
@Component
class RemindApplicantDelegate implements JavaDelegate {

    private final ClarificationRepository clarifications;
    private final ClarificationMails mails;

    RemindApplicantDelegate(ClarificationRepository clarifications, ClarificationMails mails) {
        this.clarifications = clarifications;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clarifications.open(ApplicationProcess.applicationId(execution)).ifPresent(mails::reminded);
    }
}
