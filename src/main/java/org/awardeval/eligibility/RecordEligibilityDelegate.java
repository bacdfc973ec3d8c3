package org.awardeval.eligibility;

import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.system.FieldChecks;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the eligibility decision with its rule and reason: the rules' own, or the coordinator's for a doubtful case. */
@Component
public class RecordEligibilityDelegate implements JavaDelegate {

    public static final String COORDINATOR_RULE = "COORDINATOR_CHECK";
    private final ApplicationRepository applications;

    public RecordEligibilityDelegate(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = Vars.requiredString(execution, Vars.ELIGIBILITY_OUTCOME);
        String rule = Vars.requiredString(execution, Vars.ELIGIBILITY_RULE);
        String reason = Vars.requiredString(execution, Vars.ELIGIBILITY_REASON);
        if ("DOUBTFUL".equals(outcome)) {
            FieldChecks checks = new FieldChecks();
            outcome = Vars.string(execution, Vars.COORDINATOR_DECISION);
            if (!"ELIGIBLE".equals(outcome) && !"INELIGIBLE".equals(outcome)) {
                checks.fail(Vars.COORDINATOR_DECISION, "choose ELIGIBLE or INELIGIBLE");
            }
            reason = checks.text(Vars.COORDINATOR_REASON, Vars.string(execution, Vars.COORDINATOR_REASON), true, 1000);
            checks.throwIfAnyOnTask();
            rule = COORDINATOR_RULE + " after " + rule;
        }
        String duplicateOf = Vars.string(execution, Vars.DUPLICATE_OF);
        if (duplicateOf != null && "DUPLICATE".equals(Vars.string(execution, Vars.ELIGIBILITY_RULE))) {
            reason = reason + " Earlier application: " + duplicateOf + ".";
        }
        boolean eligible = "ELIGIBLE".equals(outcome);
        applications.recordEligibility(Vars.requiredLong(execution, Vars.APPLICATION_ID),
                eligible ? ApplicationStatus.ELIGIBLE : ApplicationStatus.INELIGIBLE, rule, reason);
        execution.setVariable(Vars.ELIGIBLE, eligible);
        execution.setVariable(Vars.ELIGIBILITY_OUTCOME, outcome);
        execution.setVariable(Vars.ELIGIBILITY_RULE, rule);
        execution.setVariable(Vars.ELIGIBILITY_REASON, reason);
    }
}
