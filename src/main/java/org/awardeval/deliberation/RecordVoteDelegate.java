package org.awardeval.deliberation;

import org.awardeval.call.CallRepository;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks a panel member's vote in the transaction that completes their task, and records the ballot: only
 * applications of the shortlist they are not recused from, at most the call's number of winners per category. A
 * refused vote leaves the task open.
 */
@Component
class RecordVoteDelegate implements JavaDelegate {

    private final PanelService panelService;
    private final PanelRepository panel;
    private final CallRepository calls;

    RecordVoteDelegate(PanelService panelService, PanelRepository panel, CallRepository calls) {
        this.panelService = panelService;
        this.panel = panel;
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Whose ballot and which call: as the engine created this member's task, never from the task's variables.
        long callId = calls.ofCycle(execution.getProcessInstanceId()).id();
        String userId = panel.ballotTaskMember(execution.getId())
                .orElseThrow(() -> new IllegalStateException("No vote task ran in execution " + execution.getId()));
        panelService.castVote(callId, userId, () -> ProcessVariables.strings(execution, AwardCycleProcess.VOTES),
                ProcessVariables.string(execution, AwardCycleProcess.VOTE_COMMENT));
    }
}
