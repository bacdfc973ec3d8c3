package org.awardeval.call;

import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the application's new status and, when it is the last of its call to finish the phase, wakes the award
 * cycle ({@link CycleWakeUp}, after commit). Runs as its own job: the status changes in the same transaction in which
 * the application reaches its next wait state, so the cycle never sees a status ahead of the process.
 */
@Component
public class ReportToCycleDelegate implements JavaDelegate {

    static final String MESSAGE_REVIEWED = "ApplicationReviewed";

    private final ApplicationRepository applications;
    private final CycleWakeUp wakeUp;

    public ReportToCycleDelegate(ApplicationRepository applications, CycleWakeUp wakeUp) {
        this.applications = applications;
        this.wakeUp = wakeUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = Vars.requiredLong(execution, Vars.APPLICATION_ID);
        long callId = Vars.requiredLong(execution, Vars.CALL_ID);
        String message = Vars.requiredString(execution, Vars.CYCLE_MESSAGE);
        applications.setStatus(applicationId, ApplicationStatus.valueOf(Vars.requiredString(execution, Vars.APPLICATION_STATUS)));
        String phase = MESSAGE_REVIEWED.equals(message) ? PhaseCheckDelegate.REVIEWED : PhaseCheckDelegate.SETTLED;
        wakeUp.afterCommit(callId, phase, message);
    }
}
