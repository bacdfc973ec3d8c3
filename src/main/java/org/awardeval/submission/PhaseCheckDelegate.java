package org.awardeval.submission;

import java.time.OffsetDateTime;
import org.awardeval.call.CallRepository;
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
    private final CallRepository calls;

    PhaseCheckDelegate(ApplicationLifecycle lifecycle, CallRepository calls) {
        this.lifecycle = lifecycle;
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = AwardCycleProcess.callId(execution);
        String phase = ProcessVariables.requiredString(execution, AwardCycleProcess.PHASE);
        if (ApplicationLifecycle.SETTLED.equals(phase)) {
            // Under the call's lock, as a late import checks it: either the import counts here, or it is refused.
            calls.lock(callId);
            boolean complete = lifecycle.phaseComplete(callId, phase);
            if (complete) {
                calls.markApplicationsSettled(callId, OffsetDateTime.now());
            }
            execution.setVariable(AwardCycleProcess.PHASE_COMPLETE, complete);
            return;
        }
        execution.setVariable(AwardCycleProcess.PHASE_COMPLETE, lifecycle.phaseComplete(callId, phase));
    }
}
