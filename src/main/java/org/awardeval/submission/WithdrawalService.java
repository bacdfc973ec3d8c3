package org.awardeval.submission;

import org.awardeval.process.ApplicationProcess;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An applicant withdraws their application. The status moves first, so that a withdrawal and the chair's decision
 * cannot both succeed; then the application's process takes it out of the cycle (the event subprocess "Withdrawal" of
 * application.bpmn), in the same transaction.
 */
@Service
public class WithdrawalService {

    public static final String REASON = "withdrawalReason";

    private final ApplicationLifecycle lifecycle;
    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;

    WithdrawalService(ApplicationLifecycle lifecycle, ApplicationRepository applications, RuntimeService runtimeService) {
        this.lifecycle = lifecycle;
        this.applications = applications;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public void withdraw(long applicationId, String reason) {
        FieldChecks checks = new FieldChecks();
        String why = checks.text(REASON, reason, true, 2000);
        checks.throwIfAny();
        StoredApplication application = applications.get(applicationId);
        ApplicationStatus before = lifecycle.withdraw(applicationId, why);
        runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_WITHDRAWAL_REQUESTED)
                .processInstanceBusinessKey(application.code())
                .setVariable(ApplicationProcess.STATUS_BEFORE_WITHDRAWAL, before.name())
                .correlate();
    }
}
