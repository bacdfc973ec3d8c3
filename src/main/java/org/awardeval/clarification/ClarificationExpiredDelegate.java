package org.awardeval.clarification;

import org.awardeval.process.ApplicationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Note that no answer came": the question expires and the coordinators decide without an answer. */
@Component
class ClarificationExpiredDelegate implements JavaDelegate {

    private final ClarificationService clarifications;

    ClarificationExpiredDelegate(ClarificationService clarifications) {
        this.clarifications = clarifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ApplicationProcess.CLARIFICATION_NOTE, clarifications.expire(ApplicationProcess.applicationId(execution)));
    }
}
