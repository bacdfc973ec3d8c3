package org.awardeval.deliberation;

import org.awardeval.process.AwardCycleProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.PanelRepository.PanelMember;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;

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
public class PanelBallotListener implements TaskListener {

    private final CallRepository calls;
    private final ResultRepository results;
    private final ApplicationRepository applications;
    private final PanelService panel;
    private final PanelRepository panelRepository;

    public PanelBallotListener(CallRepository calls, ResultRepository results, ApplicationRepository applications, PanelService panel,
            PanelRepository panelRepository) {
        this.panelRepository = panelRepository;
        this.calls = calls;
        this.results = results;
        this.applications = applications;
        this.panel = panel;
    }

    @Override
    public void notify(DelegateTask task) {
        AwardCall call = calls.ofCycle(task.getProcessInstanceId());
        Ballot ballot = ballot(call.id(), task.getAssignee());
        panelRepository.openBallotTask(task.getExecutionId(), call.id(), task.getAssignee());
        // Typed and local to this member's vote, so that Tasklist submits the choices as a JSON list and no two ballots
        // share a variable.
        task.getExecution().setVariableLocal(AwardCycleProcess.VOTES, SpinValues.jsonValue(Spin.JSON("[]")).create());
        task.getExecution().setVariableLocal(AwardCycleProcess.VOTE_COMMENT, "");
        List<Map<String, String>> options = new ArrayList<>();
        for (Result r : ballot.votable()) {
            options.add(Map.of("label", r.code() + " (" + r.categoryCode() + ", ranked " + r.rankInCategory() + ")", "value", r.code()));
        }
        task.setVariableLocal(AwardCycleProcess.VOTE_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
        task.setVariableLocal(AwardCycleProcess.RECUSALS, ballot.recused().isEmpty() ? "none"
                : String.join(", ", ballot.recused()) + " (a conflict of interest: you do not vote on these)");
        task.setDescription("Vote for up to " + ballot.call().winnersPerCategory() + " application(s) per category of the shortlist of "
                + ballot.call().name() + ".");
    }

    /** The member's view of the shortlist: what they may vote for and what they are recused from. */
    record Ballot(AwardCall call, PanelMember member, List<Result> votable, Set<String> recused) {
    }

    Ballot ballot(long callId, String userId) {
        AwardCall call = calls.get(callId);
        PanelMember member = panel.member(userId);
        List<Result> shortlist = results.byCall(callId).stream().filter(Result::shortlisted).toList();
        List<StoredApplication> shortlisted = shortlist.stream().map(r -> applications.get(r.applicationId())).toList();
        Set<String> recused = panel.recusals(member, shortlisted);
        return new Ballot(call, member, shortlist.stream().filter(r -> !recused.contains(r.code())).toList(), recused);
    }
}
