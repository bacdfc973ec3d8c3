package org.awardeval.deliberation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.process.AwardCycleProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Prepares one panel member's ballot when their vote task is created: the shortlisted applications they may vote
 * for, and the ones they are recused from. Both are variables of the task alone, which no other member can read.
 */
@Component
class PanelBallotListener implements TaskListener {

    private final CallRepository calls;
    private final PanelService panel;
    private final PanelRepository panelRepository;

    PanelBallotListener(CallRepository calls, PanelService panel, PanelRepository panelRepository) {
        this.panelRepository = panelRepository;
        this.calls = calls;
        this.panel = panel;
    }

    /** What the member chooses from and what they are recused from, as their task's variables. */
    static Map<String, Object> choices(PanelService.MemberShortlist ballot) {
        List<Map<String, String>> options = new ArrayList<>();
        for (Result r : ballot.votable()) {
            options.add(Map.of("label", r.code() + " (" + r.categoryCode() + ", ranked " + r.rankInCategory() + ")", "value", r.code()));
        }
        return Map.of(AwardCycleProcess.VOTE_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create(),
                AwardCycleProcess.RECUSALS, ballot.recused().isEmpty() ? "none"
                        : String.join(", ", ballot.recused()) + " (a conflict of interest: you do not vote on these)");
    }

    @Override
    public void notify(DelegateTask task) {
        AwardCall call = calls.ofCycle(task.getProcessInstanceId());
        PanelService.MemberShortlist ballot = panel.shortlistOf(call.id(), task.getAssignee());
        panelRepository.openBallotTask(task.getExecutionId(), call.id(), task.getAssignee());
        // Typed and local to this member's vote, so that Tasklist submits the choices as a JSON list and no two ballots
        // share a variable.
        task.getExecution().setVariableLocal(AwardCycleProcess.VOTES, SpinValues.jsonValue(Spin.JSON("[]")).create());
        task.getExecution().setVariableLocal(AwardCycleProcess.VOTE_COMMENT, "");
        task.setVariablesLocal(choices(ballot));
        task.setDescription("Vote for up to " + ballot.call().winnersPerCategory() + " application(s) per category of the shortlist of "
                + ballot.call().name() + ".");
    }
}
