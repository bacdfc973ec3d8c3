package org.awardeval.deliberation;

import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.PanelBallotListener.Ballot;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.web.FieldChecks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks a panel member's vote in the transaction that completes their task, and records the ballot: only
 * applications of the shortlist they are not recused from, at most the call's number of winners per category. A
 * refused vote leaves the task open.
 */
@Component
public class RecordVoteDelegate implements JavaDelegate {

    private final PanelBallotListener ballots;
    private final PanelRepository panel;
    private final CallRepository calls;

    public RecordVoteDelegate(PanelBallotListener ballots, PanelRepository panel, CallRepository calls) {
        this.calls = calls;
        this.ballots = ballots;
        this.panel = panel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Whose ballot and which call: as the engine created this member's task, never from the task's variables.
        long callId = calls.ofCycle(execution.getProcessInstanceId()).id();
        String userId = panel.ballotTaskMember(execution.getId())
                .orElseThrow(() -> new IllegalStateException("No vote task ran in execution " + execution.getId()));
        Ballot ballot = ballots.ballot(callId, userId);
        FieldChecks checks = new FieldChecks();
        List<String> codes;
        try {
            codes = new ArrayList<>(new LinkedHashSet<>(ProcessVariables.strings(execution, AwardCycleProcess.VOTES)));
        } catch (IllegalArgumentException e) {
            checks.fail(AwardCycleProcess.VOTES, "must be a list of application codes");
            codes = List.of();
        }
        String comment = checks.text(AwardCycleProcess.VOTE_COMMENT, ProcessVariables.string(execution, AwardCycleProcess.VOTE_COMMENT), false, 2000);
        Map<String, Result> votable = new HashMap<>();
        ballot.votable().forEach(r -> votable.put(r.code(), r));
        Map<String, Integer> perCategory = new HashMap<>();
        List<Long> applicationIds = new ArrayList<>();
        for (String code : codes) {
            Result result = votable.get(code);
            if (ballot.recused().contains(code)) {
                checks.fail(AwardCycleProcess.VOTES, "you are recused from " + code + " and cannot vote for it");
            } else if (result == null) {
                checks.fail(AwardCycleProcess.VOTES, "'" + code + "' is not on the shortlist");
            } else {
                applicationIds.add(result.applicationId());
                perCategory.merge(result.categoryCode(), 1, Integer::sum);
            }
        }
        int quota = ballot.call().winnersPerCategory();
        perCategory.forEach((category, count) -> {
            if (count > quota) {
                checks.fail(AwardCycleProcess.VOTES, count + " votes in category " + category + "; at most " + quota + " are allowed");
            }
        });
        checks.throwIfAnyOnTask();
        panel.saveBallot(callId, userId, ballot.member().code(), String.join(", ", ballot.recused()), comment, applicationIds,
                OffsetDateTime.now());
    }
}
