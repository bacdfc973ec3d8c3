package org.awardeval.eligibility;

import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.submission.ApplicationLifecycle;
import org.awardeval.web.FieldChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the eligibility decision with its rule and reason: the rules' own, or the coordinator's for a doubtful case. */
@Component
class RecordEligibilityDelegate implements JavaDelegate {

    public static final String COORDINATOR_RULE = "COORDINATOR_CHECK";
    private final ApplicationLifecycle lifecycle;

    RecordEligibilityDelegate(ApplicationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = ProcessVariables.requiredString(execution, ApplicationProcess.ELIGIBILITY_OUTCOME);
        String rule = ProcessVariables.requiredString(execution, ApplicationProcess.ELIGIBILITY_RULE);
        String reason = ProcessVariables.requiredString(execution, ApplicationProcess.ELIGIBILITY_REASON);
        if ("DOUBTFUL".equals(outcome)) {
            FieldChecks checks = new FieldChecks();
            outcome = ProcessVariables.string(execution, ApplicationProcess.COORDINATOR_DECISION);
            if (!"ELIGIBLE".equals(outcome) && !"INELIGIBLE".equals(outcome)) {
                checks.fail(ApplicationProcess.COORDINATOR_DECISION, "choose ELIGIBLE or INELIGIBLE");
            }
            reason = checks.text(ApplicationProcess.COORDINATOR_REASON, ProcessVariables.string(execution,
                    ApplicationProcess.COORDINATOR_REASON), true, 1000);
            checks.throwIfAnyOnTask();
            rule = COORDINATOR_RULE + " after " + rule;
        }
        String duplicateOf = ProcessVariables.string(execution, ApplicationProcess.DUPLICATE_OF);
        if (duplicateOf != null && "DUPLICATE".equals(ProcessVariables.string(execution, ApplicationProcess.ELIGIBILITY_RULE))) {
            reason = reason + " Earlier application: " + duplicateOf + ".";
        }
        boolean eligible = "ELIGIBLE".equals(outcome);
        lifecycle.eligibilityDecided(ApplicationProcess.applicationId(execution), eligible, rule, reason);
        execution.setVariable(ApplicationProcess.ELIGIBLE, eligible);
        execution.setVariable(ApplicationProcess.ELIGIBILITY_OUTCOME, outcome);
        execution.setVariable(ApplicationProcess.ELIGIBILITY_RULE, rule);
        execution.setVariable(ApplicationProcess.ELIGIBILITY_REASON, reason);
    }
}
