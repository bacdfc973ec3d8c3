package org.awardeval.call;

import org.awardeval.process.AwardCycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** From here on the call accepts no application. */
@Component
class CloseCallDelegate implements JavaDelegate {

    private final CallRepository calls;

    CloseCallDelegate(CallRepository calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.close(AwardCycleProcess.callId(execution));
    }
}
