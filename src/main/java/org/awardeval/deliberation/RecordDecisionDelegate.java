package org.awardeval.deliberation;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.Quotas;
import org.awardeval.deliberation.PanelRepository.Decision;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.security.Groups;
import org.awardeval.submission.ApplicationLifecycle;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.TaskInputException;
import org.awardeval.web.ValidationException.FieldError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks and records the chair's decision in the transaction that completes their task. Winners come from the
 * shortlist, at most the call's number per category. Departing from the panel's proposal, or confirming without a quorum, is an override
 * and needs a written justification.
 */
@Component
class RecordDecisionDelegate implements JavaDelegate {

    static final int MIN_JUSTIFICATION = 20;

    private final CallRepository calls;
    private final ResultRepository results;
    private final PanelRepository panel;
    private final PanelService panelService;
    private final ApplicationLifecycle lifecycle;

    RecordDecisionDelegate(CallRepository calls, ResultRepository results, PanelRepository panel, PanelService panelService,
            ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.panelService = panelService;
        this.calls = calls;
        this.results = results;
        this.panel = panel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.ofCycle(execution.getProcessInstanceId());
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user != null && !user.getUserId().equals(call.chairUserId())
                && (user.getGroupIds() == null || !user.getGroupIds().contains(Groups.ADMINS))) {
            throw new TaskInputException(List.of(new FieldError(AwardCycleProcess.WINNERS,
                    "only the chair of " + call.name() + " confirms its winners")));
        }
        FieldChecks checks = new FieldChecks();
        Set<String> winners;
        try {
            winners = new LinkedHashSet<>(ProcessVariables.strings(execution, AwardCycleProcess.WINNERS));
        } catch (IllegalArgumentException e) {
            checks.fail(AwardCycleProcess.WINNERS, "must be a list of application codes");
            winners = Set.of();
        }
        // The proposal and the quorum as the recorded ballots give them, not as the task's variables say.
        Set<String> proposed = new LinkedHashSet<>();
        panelService.tally(call).stream().filter(Tally.Counted::proposed).forEach(c -> proposed.add(c.code()));
        int quorum = Tally.quorum(panel.ballotTasks(call.id()));
        int ballots = panel.ballots(call.id()).size();
        boolean quorumReached = ballots >= quorum;
        String justification = checks.text(AwardCycleProcess.JUSTIFICATION, ProcessVariables.string(execution,
                AwardCycleProcess.JUSTIFICATION), false, 4000);

        Map<String, Result> shortlist = new HashMap<>();
        results.shortlist(call.id()).forEach(r -> shortlist.put(r.code(), r));
        Map<String, Integer> perCategory = new HashMap<>();
        for (String code : winners) {
            Result result = shortlist.get(code);
            if (result == null) {
                checks.fail(AwardCycleProcess.WINNERS, "'" + code + "' is not on the shortlist");
            } else {
                perCategory.merge(result.categoryCode(), 1, Integer::sum);
            }
        }
        Quotas quotas = calls.quotas(call.id());
        perCategory.forEach((category, count) -> {
            if (count > quotas.winners(category)) {
                checks.fail(AwardCycleProcess.WINNERS, count + " winners in category " + category + "; the call awards at most "
                        + quotas.winners(category) + " there");
            }
        });
        boolean override = !winners.equals(proposed) || !quorumReached;
        if (override && (justification == null || justification.length() < MIN_JUSTIFICATION)) {
            checks.fail(AwardCycleProcess.JUSTIFICATION, (quorumReached ? "the winners differ from the panel's proposal"
                    : "the panel did not reach its quorum") + "; write a justification of at least " + MIN_JUSTIFICATION
                    + " characters");
        }
        checks.throwIfAnyOnTask();
        String decidedBy = user == null ? call.chairUserId() : user.getUserId();
        results.markWinners(call.id(), winners);
        panel.saveDecision(call.id(), new Decision(decidedBy, String.join(", ", proposed), ballots, quorum, override, justification,
                OffsetDateTime.now()));
        lifecycle.decided(call.id());
    }
}
