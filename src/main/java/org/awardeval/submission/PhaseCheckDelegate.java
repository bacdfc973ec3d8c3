package org.awardeval.submission;

import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the award cycle whether a phase is complete for all its applications. The tables are the truth: wake-up
 * messages from the applications only make the cycle look again sooner.
 */
@Component
public class PhaseCheckDelegate implements JavaDelegate {

    public static final String SETTLED = "SETTLED";
    public static final String REVIEWED = "REVIEWED";

    private final ApplicationRepository applications;

    public PhaseCheckDelegate(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long callId = AwardCycleProcess.callId(execution);
        String phase = ProcessVariables.requiredString(execution, AwardCycleProcess.PHASE);
        execution.setVariable(AwardCycleProcess.PHASE_COMPLETE, complete(applications, callId, phase));
    }

    /**
     * Whether every application of the call has finished the phase. An existence check, not a count: it runs for every
     * application that finishes, and a count would read all the call's applications each time.
     */
    static boolean complete(ApplicationRepository applications, long callId, String phase) {
        return !switch (phase) {
            case SETTLED -> applications.anyByCallAndStatus(callId, ApplicationStatus.UNSETTLED);
            case REVIEWED -> applications.anyByCallAndStatus(callId, ApplicationStatus.UNREVIEWED);
            default -> throw new IllegalStateException("Unknown phase '" + phase + "'");
        };
    }
}
