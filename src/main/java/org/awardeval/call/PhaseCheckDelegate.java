package org.awardeval.call;

import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.system.Vars;
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
        long callId = Vars.requiredLong(execution, Vars.CALL_ID);
        String phase = Vars.requiredString(execution, Vars.PHASE);
        execution.setVariable(Vars.PHASE_COMPLETE, open(applications, callId, phase) == 0);
    }

    /** How many of the call's applications have not finished the phase. */
    static long open(ApplicationRepository applications, long callId, String phase) {
        return switch (phase) {
            case SETTLED -> applications.countByCallAndStatus(callId, ApplicationStatus.UNSETTLED);
            case REVIEWED -> applications.countByCallAndStatus(callId, ApplicationStatus.UNREVIEWED);
            default -> throw new IllegalStateException("Unknown phase '" + phase + "'");
        };
    }
}
