package org.awardeval.call;

import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the application's new status and, when it is the last of its call to finish the phase, wakes the award
 * cycle. Runs as its own job: the status changes in the same transaction in which the application reaches its next
 * wait state, so the cycle never sees a status ahead of the process. The call's row is locked first, so applications
 * finishing at once report one after another and exactly the last one sends the message: hundreds of applications
 * never race to correlate into the one cycle instance. The cycle's poll timer covers a message lost all the same.
 */
@Component
public class ReportToCycleDelegate implements JavaDelegate {

    static final String MESSAGE_REVIEWED = "ApplicationReviewed";

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final RuntimeService runtimeService;

    public ReportToCycleDelegate(ApplicationRepository applications, CallRepository calls, RuntimeService runtimeService) {
        this.applications = applications;
        this.calls = calls;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = Vars.requiredLong(execution, Vars.APPLICATION_ID);
        long callId = Vars.requiredLong(execution, Vars.CALL_ID);
        String message = Vars.requiredString(execution, Vars.CYCLE_MESSAGE);
        calls.lock(callId);
        applications.setStatus(applicationId, ApplicationStatus.valueOf(Vars.requiredString(execution, Vars.APPLICATION_STATUS)));
        String phase = MESSAGE_REVIEWED.equals(message) ? PhaseCheckDelegate.REVIEWED : PhaseCheckDelegate.SETTLED;
        if (PhaseCheckDelegate.open(applications, callId, phase) == 0) {
            runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(CallService.businessKey(callId)).correlateAll();
        }
    }
}
