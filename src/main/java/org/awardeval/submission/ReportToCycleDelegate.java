package org.awardeval.submission;

import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the application's life cycle which step the process reached (settled, or reviewed) and, when it is the last of
 * its call to finish the phase, wakes the award cycle ({@link CycleWakeUp}, after commit). Runs as its own job: the
 * status changes in the same transaction in which the application reaches its next wait state, so the cycle never sees
 * a status ahead of the process.
 */
@Component
class ReportToCycleDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;
    private final CycleWakeUp wakeUp;

    ReportToCycleDelegate(ApplicationLifecycle lifecycle, CycleWakeUp wakeUp) {
        this.lifecycle = lifecycle;
        this.wakeUp = wakeUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = ApplicationProcess.applicationId(execution);
        long callId = ApplicationProcess.callId(execution);
        String message = ProcessVariables.requiredString(execution, ApplicationProcess.CYCLE_MESSAGE);
        String phase;
        switch (message) {
            case AwardCycleProcess.MESSAGE_APPLICATION_SETTLED -> {
                lifecycle.settled(applicationId);
                phase = ApplicationLifecycle.SETTLED;
            }
            case AwardCycleProcess.MESSAGE_APPLICATION_REVIEWED -> {
                lifecycle.reviewed(applicationId);
                phase = ApplicationLifecycle.REVIEWED;
            }
            case ApplicationProcess.REPORT_WITHDRAWN -> {
                // Whichever phase the cycle waits for may now be complete without this application.
                wakeUp.afterCommit(callId, ApplicationLifecycle.SETTLED, AwardCycleProcess.MESSAGE_APPLICATION_SETTLED);
                wakeUp.afterCommit(callId, ApplicationLifecycle.REVIEWED, AwardCycleProcess.MESSAGE_APPLICATION_REVIEWED);
                return;
            }
            default -> throw new IllegalStateException("'" + message + "' is no message the award cycle waits for");
        }
        wakeUp.afterCommit(callId, phase, message);
    }
}
