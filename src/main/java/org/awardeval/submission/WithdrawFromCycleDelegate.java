package org.awardeval.submission;

import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** "Take the application out of the cycle": tells the modules that hold its reviews, judges and shortlist. */
@Component
class WithdrawFromCycleDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final ApplicationEventPublisher events;

    WithdrawFromCycleDelegate(ApplicationRepository applications, ApplicationEventPublisher events) {
        this.applications = applications;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StoredApplication application = applications.get(ApplicationProcess.applicationId(execution));
        ApplicationStatus before = ApplicationStatus.valueOf(
                ProcessVariables.requiredString(execution, ApplicationProcess.STATUS_BEFORE_WITHDRAWAL));
        events.publishEvent(new ApplicationWithdrawn(application.id(), application.callId(), application.code(), before));
    }
}
