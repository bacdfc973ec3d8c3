package org.awardeval.deliberation;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.deliberation.PanelRepository.Decision;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.system.FieldChecks;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and records the chair's decision in the transaction that completes their task. Winners come from the
 * shortlist, at most the call's number per category. Departing from the panel's proposal, or confirming without a quorum, is an override
 * and needs a written justification.
 */
@Component
public class RecordDecisionDelegate implements JavaDelegate {

    static final int MIN_JUSTIFICATION = 20;

    private final CallRepository calls;
    private final ResultRepository results;
    private final PanelRepository panel;

    public RecordDecisionDelegate(CallRepository calls, ResultRepository results, PanelRepository panel) {
        this.calls = calls;
        this.results = results;
        this.panel = panel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.get(Vars.requiredLong(execution, Vars.CALL_ID));
        FieldChecks checks = new FieldChecks();
        Set<String> winners;
        try {
            winners = new LinkedHashSet<>(Vars.strings(execution, Vars.WINNERS));
        } catch (IllegalArgumentException e) {
            checks.fail(Vars.WINNERS, "must be a list of application codes");
            winners = Set.of();
        }
        Set<String> proposed = new LinkedHashSet<>(Vars.strings(execution, Vars.PROPOSED_WINNERS));
        boolean quorumReached = Vars.bool(execution, Vars.QUORUM_REACHED);
        String justification = checks.text(Vars.JUSTIFICATION, Vars.string(execution, Vars.JUSTIFICATION), false, 4000);

        Map<String, Result> shortlist = new HashMap<>();
        results.byCall(call.id()).stream().filter(Result::shortlisted).forEach(r -> shortlist.put(r.code(), r));
        Map<String, Integer> perCategory = new HashMap<>();
        for (String code : winners) {
            Result result = shortlist.get(code);
            if (result == null) {
                checks.fail(Vars.WINNERS, "'" + code + "' is not on the shortlist");
            } else {
                perCategory.merge(result.categoryCode(), 1, Integer::sum);
            }
        }
        perCategory.forEach((category, count) -> {
            if (count > call.winnersPerCategory()) {
                checks.fail(Vars.WINNERS, count + " winners in category " + category + "; the call awards at most "
                        + call.winnersPerCategory());
            }
        });
        boolean override = !winners.equals(proposed) || !quorumReached;
        if (override && (justification == null || justification.length() < MIN_JUSTIFICATION)) {
            checks.fail(Vars.JUSTIFICATION, (quorumReached ? "the winners differ from the panel's proposal"
                    : "the panel did not reach its quorum") + "; write a justification of at least " + MIN_JUSTIFICATION
                    + " characters");
        }
        checks.throwIfAnyOnTask();
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String decidedBy = user == null ? call.chairUserId() : user.getUserId();
        panel.saveDecision(call.id(), new Decision(decidedBy, String.join(", ", winners), String.join(", ", proposed),
                panel.ballots(call.id()).size(), Vars.integer(execution, Vars.PANEL_QUORUM), override, justification, OffsetDateTime.now()));
    }
}
