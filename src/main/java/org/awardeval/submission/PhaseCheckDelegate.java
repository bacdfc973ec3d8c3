package org.awardeval.submission;

import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the award cycle whether a phase is complete for all its applications. The tables are the truth: wake-up
 * messages from the applications only make the cycle look again sooner.
 */
@Component
class PhaseCheckDelegate implements JavaDelegate {

    private final ApplicationLifecycle lifecycle;

    PhaseCheckDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = AwardCycleProcess.callId(execution);
        String phase = ProcessVariables.requiredString(execution, AwardCycleProcess.PHASE);
        execution.setVariable(AwardCycleProcess.PHASE_COMPLETE, lifecycle.phaseComplete(callId, phase));
    }
}
