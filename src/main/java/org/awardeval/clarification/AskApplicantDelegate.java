package org.awardeval.clarification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ask the applicant", from the eligibility check or the redaction check: the coordinator's question (the reason field
 * of their check) goes to the applicant with a deadline of the days they chose; the process waits for the answer,
 * reminds the applicant before the deadline and gives the check back to the coordinators either way.
 */
@Component
class AskApplicantDelegate implements JavaDelegate {

    static final int MAX_DAYS = 60;

    private final ClarificationRepository clarifications;
    private final ClarificationMails mails;

    AskApplicantDelegate(ClarificationRepository clarifications, ClarificationMails mails) {
        this.clarifications = clarifications;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FieldChecks checks = new FieldChecks();
        String question = checks.text(ApplicationProcess.COORDINATOR_REASON,
                ProcessVariables.string(execution, ApplicationProcess.COORDINATOR_REASON), true, 1000);
        Integer days = null;
        Object given = execution.getVariable(ApplicationProcess.CLARIFICATION_DAYS);
        if (given instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            days = checks.range(ApplicationProcess.CLARIFICATION_DAYS, number.intValue(), true, 1, MAX_DAYS);
        } else {
            checks.fail(ApplicationProcess.CLARIFICATION_DAYS, "must be a whole number of days from 1 to " + MAX_DAYS);
        }
        checks.throwIfAnyOnTask();
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime due = now.plusDays(days);
        String coordinator = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
                : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        long id = clarifications.insert(ApplicationProcess.applicationId(execution), question, coordinator, now, due);
        mails.asked(clarifications.get(id).orElseThrow());
        // The reminder comes a day before the deadline, or halfway through a deadline of a day.
        Duration before = days > 1 ? Duration.ofDays(1) : Duration.ofHours(12);
        execution.setVariable(ApplicationProcess.CLARIFICATION_DUE, ProcessVariables.date(due));
        execution.setVariable(ApplicationProcess.CLARIFICATION_REMINDER, ProcessVariables.date(due.minus(before)));
        execution.setVariable(ApplicationProcess.CLARIFICATION_NOTE, "Waiting for the applicant's answer to: " + question);
        // The next check starts afresh: the coordinator decides again once the answer is in.
        execution.removeVariables(List.of(ApplicationProcess.COORDINATOR_DECISION, ApplicationProcess.COORDINATOR_REASON,
                ApplicationProcess.REDACTION_DECISION));
    }
}
