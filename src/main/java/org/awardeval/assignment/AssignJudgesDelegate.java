package org.awardeval.assignment;

import java.util.ArrayList;
import java.util.List;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Assigns judges to every application ready for review and starts each application's reviews. */
@Component
public class AssignJudgesDelegate implements JavaDelegate {

    public static final String MESSAGE_REVIEW_PHASE_STARTED = "ReviewPhaseStarted";
    private static final Logger LOG = LoggerFactory.getLogger(AssignJudgesDelegate.class);

    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final JudgeRepository judges;
    private final AssignmentRepository assignments;
    private final RuntimeService runtimeService;

    public AssignJudgesDelegate(CallRepository calls, ApplicationRepository applications, JudgeRepository judges,
            AssignmentRepository assignments, RuntimeService runtimeService) {
        this.calls = calls;
        this.applications = applications;
        this.judges = judges;
        this.assignments = assignments;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AwardCall call = calls.get(Vars.requiredLong(execution, Vars.CALL_ID));
        List<StoredApplication> ready = applications.byCallAndStatus(call.id(), ApplicationStatus.READY);
        List<AssignmentPlanner.Candidate> candidates = new ArrayList<>();
        for (StoredApplication a : ready) {
            candidates.add(new AssignmentPlanner.Candidate(a.id(), a.code(), a.categoryCode(), a.organisationName(), a.country()));
        }
        List<AssignmentPlanner.Pick> picks = AssignmentPlanner.plan(candidates, judges.all(), call.reviewsPerApplication());
        for (AssignmentPlanner.Pick pick : picks) {
            assignments.insert(call.id(), pick.applicationId(), pick.judgeId());
        }
        for (StoredApplication application : ready) {
            applications.setStatus(application.id(), ApplicationStatus.IN_REVIEW);
            runtimeService.createMessageCorrelation(MESSAGE_REVIEW_PHASE_STARTED)
                    .processInstanceBusinessKey(application.code())
                    .setVariable(Vars.ASSIGNMENT_IDS, new ArrayList<>(assignments.idsForApplication(application.id())))
                    .correlate();
        }
        LOG.info("Call {}: {} reviews assigned for {} applications", call.id(), picks.size(), ready.size());
    }
}
