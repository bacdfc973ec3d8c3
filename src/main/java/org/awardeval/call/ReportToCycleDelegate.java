package org.awardeval.call;

import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the application's new status and wakes its award cycle. Runs as its own job: the status changes in the same
 * transaction in which the application reaches its next wait state, so the cycle never sees a status ahead of the
 * process; a clash with another application waking the cycle is retried by the job executor.
 */
@Component
public class ReportToCycleDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;

    public ReportToCycleDelegate(ApplicationRepository applications, RuntimeService runtimeService) {
        this.applications = applications;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = Vars.requiredLong(execution, Vars.APPLICATION_ID);
        applications.setStatus(applicationId, ApplicationStatus.valueOf(Vars.requiredString(execution, Vars.APPLICATION_STATUS)));
        runtimeService.createMessageCorrelation(Vars.requiredString(execution, Vars.CYCLE_MESSAGE))
                .processInstanceBusinessKey(CallService.businessKey(Vars.requiredLong(execution, Vars.CALL_ID)))
                .correlateAll();
    }
}
