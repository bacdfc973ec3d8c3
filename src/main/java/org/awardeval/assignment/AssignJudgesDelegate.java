package org.awardeval.assignment;

import java.time.OffsetDateTime;
import java.util.List;
import org.awardeval.assignment.AssignmentPlan.InfeasibleException;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.settings.AwardProperties;
import org.awardeval.submission.ApplicationLifecycle;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Assigns judges to every application ready for review, optimally ({@link AssignmentSolver}), and starts each
 * application's reviews. When no assignment exists it writes nothing and raises the BPMN error
 * {@value AwardCycleProcess#ERROR_JUDGE_SHORTAGE} with a report naming each application short of judges, for a
 * coordinator to act on.
 */
@Component
class AssignJudgesDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(AssignJudgesDelegate.class);

    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final ApplicationLifecycle lifecycle;
    private final JudgeRepository judges;
    private final AssignmentRepository assignments;
    private final RuntimeService runtimeService;
    private final AwardProperties properties;
    private final CallJudges callJudges;

    AssignJudgesDelegate(CallRepository calls, ApplicationRepository applications, JudgeRepository judges,
            AssignmentRepository assignments, RuntimeService runtimeService, ApplicationLifecycle lifecycle, AwardProperties properties, CallJudges callJudges) {
        this.callJudges = callJudges;
        this.properties = properties;
        this.lifecycle = lifecycle;
        this.calls = calls;
        this.applications = applications;
        this.judges = judges;
        this.assignments = assignments;
        this.runtimeService = runtimeService;
    }

    /** The usual notice before the deadline; with less time left than that, halfway to it. */
    OffsetDateTime remindersAt(OffsetDateTime deadline, OffsetDateTime now) {
        OffsetDateTime reminder = deadline.minus(properties.reviewReminder());
        return reminder.isAfter(now) ? reminder : now.plus(java.time.Duration.between(now, deadline).dividedBy(2));
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.get(AwardCycleProcess.callId(execution));
        List<StoredApplication> ready = applications.byCallAndStatus(call.id(), ApplicationStatus.READY);
        List<ApplicationToAssign> toAssign = ready.stream().map(ApplicationToAssign::of).toList();
        AssignmentPlan plan;
        try {
            plan = AssignmentSolver.solve(toAssign, callJudges.of(call.id()),
                    new AssignmentSolver.Settings(call.reviewsPerApplication(), call.sameCountryConflict()));
        } catch (InfeasibleException e) {
            LOG.warn("Call {}: {}", call.id(), e.getMessage());
            execution.setVariable(AwardCycleProcess.SHORTAGE_REPORT, e.getMessage());
            throw new BpmnError(AwardCycleProcess.ERROR_JUDGE_SHORTAGE, e.getMessage());
        }
        assignments.insertAll(call.id(), call.reviewDeadline(), toAssign, plan.picks());
        execution.removeVariable(AwardCycleProcess.SHORTAGE_REPORT);
        execution.setVariable(AwardCycleProcess.REMINDERS_AT, ProcessVariables.date(remindersAt(call.reviewDeadline(), OffsetDateTime.now())));
        execution.setVariable(AwardCycleProcess.REVIEWS_DUE_AT, ProcessVariables.date(call.reviewDeadline()));
        lifecycle.reviewsStarted(call.id());
        List<String> waiting = ApplicationProcess.waitingFor(runtimeService, ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED, call.id());
        if (!waiting.isEmpty()) {
            // The applications start their reviews in batch jobs, a few to a job (MessageBatches): thousands of
            // correlations in this one transaction would hold every new review in memory until the end, and slow
            // down with each.
            runtimeService.createMessageCorrelationAsync(ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED)
                    .processInstanceIds(waiting).correlateAllAsync();
        }
        AssignmentPlan.Figures f = plan.figures();
        LOG.info("Call {}: {} reviews for {} applications by {} judges ({}); loads {} to {}, {} of {} with two regions or more, "
                + "{} of {} not all one gender; {} ms for conflicts, {} ms to solve", call.id(), f.reviews(), f.applications(),
                f.judgesUsed(), plan.method(), f.minLoad(), f.maxLoad(), f.regionDiverse(), f.regionDiversePossible(), f.genderDiverse(),
                f.genderDiversePossible(), f.conflictMillis(), f.solveMillis());
    }
}
