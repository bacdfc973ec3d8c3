package org.awardeval.review;

import org.awardeval.process.AwardCycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the award cycle whether every judge asked in the disagreement round has answered or run out of time. */
@Component
class CheckRoundAnsweredDelegate implements JavaDelegate {

    private final DisagreementRound round;

    CheckRoundAnsweredDelegate(DisagreementRound round) {
        this.round = round;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(AwardCycleProcess.PHASE_COMPLETE, round.answered(AwardCycleProcess.callId(execution)));
    }
}
