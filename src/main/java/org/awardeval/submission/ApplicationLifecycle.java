package org.awardeval.submission;

import java.time.OffsetDateTime;
import java.util.List;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of an application's status. The processes name the step; this decides the status and refuses a move
 * the life cycle does not allow ({@link ApplicationStatus#from()}). Repeating a step is harmless, so a retried job
 * changes nothing.
 */
@Service
public class ApplicationLifecycle {

    /** The phases the award cycle waits for ({@code phase} in award-cycle.bpmn). */
    public static final String SETTLED = "SETTLED";
    public static final String REVIEWED = "REVIEWED";

    private final ApplicationRepository applications;

    ApplicationLifecycle(ApplicationRepository applications) {
        this.applications = applications;
    }

    /** The eligibility check has decided, by rule or by a coordinator. */
    @Transactional
    public void eligibilityDecided(long applicationId, boolean eligible, String rule, String reason) {
        ApplicationStatus to = eligible ? ApplicationStatus.ELIGIBLE : ApplicationStatus.INELIGIBLE;
        move(applicationId, to);
        applications.recordEligibility(applicationId, rule, reason);
    }

    /** Eligibility and anonymisation are done: an eligible application is ready for review, an ineligible one stays. */
    @Transactional
    public void settled(long applicationId) {
        if (applications.get(applicationId).status() != ApplicationStatus.INELIGIBLE) {
            move(applicationId, ApplicationStatus.READY);
        }
    }

    /** The review phase of the call has started: every application ready for it is now in review. */
    public int reviewsStarted(long callId) {
        return applications.moveAllOfCall(callId, ApplicationStatus.READY, ApplicationStatus.IN_REVIEW);
    }

    /** Every review of the application is in. */
    public void reviewed(long applicationId) {
        move(applicationId, ApplicationStatus.REVIEWED);
    }

    /**
     * The applicant changed the application before the deadline: its dossier is made and checked again, so it is no
     * longer ready for the reviews. Refused when it is not waiting for the reviews or at its redaction check.
     */
    public void changed(long applicationId) {
        if (applications.move(applicationId, List.of(ApplicationStatus.READY, ApplicationStatus.ELIGIBLE), ApplicationStatus.ELIGIBLE) == 0) {
            String[] why = switch (applications.get(applicationId).status()) {
                case SUBMITTED -> new String[] {"is possible once the award office has checked the application's eligibility", "changeUnchecked"};
                case WITHDRAWN -> new String[] {"is not possible: the application has been withdrawn", "changeWithdrawn"};
                default -> new String[] {"is no longer possible: the reviews have started", "changeReviews"};
            };
            throw new ValidationException(List.of(new FieldError("change", why[0], why[1], List.of())));
        }
    }

    /** The chair has decided: no application of the call can be withdrawn any more. */
    public int decided(long callId) {
        return applications.moveAllOfCall(callId, ApplicationStatus.REVIEWED, ApplicationStatus.DECIDED);
    }

    /** The results are announced. An application withdrawn as the chair decided keeps its status. */
    public void announced(long applicationId, boolean awarded) {
        if (applications.get(applicationId).status() != ApplicationStatus.WITHDRAWN) {
            move(applicationId, awarded ? ApplicationStatus.AWARDED : ApplicationStatus.NOT_AWARDED);
        }
    }

    /**
     * Takes the application out of the cycle, as its applicant asked; returns the status it had. Refused, with the
     * reason in the applicant's words, once the chair has decided (or when there is nothing to withdraw).
     */
    @Transactional
    public ApplicationStatus withdraw(long applicationId, String reason) {
        ApplicationStatus before = applications.get(applicationId).status();
        if (applications.move(applicationId, ApplicationStatus.WITHDRAWN.from(), ApplicationStatus.WITHDRAWN) == 0) {
            ApplicationStatus now = applications.get(applicationId).status();
            String[] why = switch (now) {
                case WITHDRAWN -> new String[] {"the application has been withdrawn already", "withdrawnAlready"};
                case INELIGIBLE -> new String[] {"the application is not eligible: it is not in the cycle", "withdrawIneligible"};
                default -> new String[] {"the chair has decided on the results: the application can no longer be withdrawn", "withdrawDecided"};
            };
            throw new ValidationException(List.of(new FieldError("withdrawal", why[0], why[1], List.of())));
        }
        applications.recordWithdrawal(applicationId, reason, OffsetDateTime.now());
        return before;
    }

    /**
     * Whether every application of the call has finished the phase. An existence check, not a count: it runs for every
     * application that finishes, and a count would read all the call's applications each time.
     */
    public boolean phaseComplete(long callId, String phase) {
        return !switch (phase) {
            case SETTLED -> applications.anyByCallAndStatus(callId, ApplicationStatus.UNSETTLED);
            case REVIEWED -> applications.anyByCallAndStatus(callId, ApplicationStatus.UNREVIEWED);
            default -> throw new IllegalStateException("Unknown phase '" + phase + "'");
        };
    }

    private void move(long applicationId, ApplicationStatus to) {
        if (applications.move(applicationId, to.from(), to) == 0) {
            ApplicationStatus now = applications.get(applicationId).status();
            if (now != to) {
                throw new IllegalStateException("Application " + applicationId + " cannot go from " + now + " to " + to);
            }
        }
    }
}
