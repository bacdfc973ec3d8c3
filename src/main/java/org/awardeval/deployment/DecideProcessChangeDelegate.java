package org.awardeval.deployment;

import org.awardeval.process.ProcessVariables;
import org.awardeval.security.Groups;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records the decision on a proposed change in the transaction that completes the approval task. The change and its
 * author come from the table, who decides from the engine's authenticated user; it acts only inside the application's
 * own approval process, never in a process owner's.
 */
@Component
class DecideProcessChangeDelegate implements JavaDelegate {

    private final ProcessChanges changes;

    DecideProcessChangeDelegate(ProcessChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!changes.internal(execution.getProcessDefinitionId())) {
            throw new IllegalStateException("Process changes are decided in the application's own approval process only");
        }
        long changeId = Long.parseLong(execution.getProcessBusinessKey().substring("process-change-".length()));
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null
                || user.getGroupIds().stream().noneMatch(g -> g.equals(Groups.COORDINATORS) || g.equals(Groups.ADMINS))) {
            throw new IllegalStateException("A process change is decided by a coordinator or an administrator");
        }
        FieldChecks checks = new FieldChecks();
        String decision = ProcessVariables.string(execution, "decision");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            checks.fail("decision", "choose whether to approve or reject the change");
        }
        String reason = checks.text("decisionReason", ProcessVariables.string(execution, "decisionReason"),
                "REJECT".equals(decision), 2000);
        checks.throwIfAnyOnTask();
        changes.decide(changeId, user.getUserId(), "APPROVE".equals(decision), reason);
    }
}
