package org.awardeval.deliberation;

import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.ApplicationWithdrawn;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An application withdrawn after its reviews, once the panel has its shortlist: the call is ranked again without it
 * (the next of its category moves up), the cycle's shortlist is replaced, and every ballot still open offers the new
 * shortlist. Ballots already cast keep their other choices; a vote for the withdrawn application no longer counts,
 * since the tally reads the shortlist.
 */
@Component
class WithdrawnFromShortlist {

    private final CallRepository calls;
    private final ResultRepository results;
    private final Shortlists shortlists;
    private final PanelService panel;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final PanelBallotListener ballots;

    WithdrawnFromShortlist(CallRepository calls, ResultRepository results, Shortlists shortlists, PanelService panel,
            RuntimeService runtimeService, TaskService taskService, PanelBallotListener ballots) {
        this.ballots = ballots;
        this.calls = calls;
        this.results = results;
        this.shortlists = shortlists;
        this.panel = panel;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @EventListener
    void withdrawn(ApplicationWithdrawn event) {
        if (event.before() != ApplicationStatus.REVIEWED || results.byCall(event.callId()).isEmpty()) {
            return;
        }
        AwardCall call = calls.get(event.callId());
        String cycle = calls.processInstanceId(call.id()).orElseThrow();
        runtimeService.setVariable(cycle, AwardCycleProcess.SHORTLIST, SpinValues.jsonValue(Spin.JSON(shortlists.rank(call))).create());
        for (Task vote : taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).list()) {
            taskService.setVariablesLocal(vote.getId(), ballots.choicesFor(panel.shortlistOf(call.id(), vote.getAssignee())));
        }
    }
}
