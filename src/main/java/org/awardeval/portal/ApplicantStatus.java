package org.awardeval.portal;

import java.time.Instant;
import org.awardeval.call.AwardCall;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;

/**
 * Where an application stands, as its applicant reads it. Nothing names a judge, and the decision shows only once
 * anyone may read the results: until then an awarded application reads as one the panel is still deciding.
 *
 * @param step the step of the cycle, 1 to 4, for the progress the page shows; 0 once it has left the cycle
 */
record ApplicantStatus(String label, String explanation, int step, boolean decided) {

    static final int STEPS = 4;

    /** The award office has asked the applicant a question: their answer is what the application waits for. */
    static ApplicantStatus asked(String due) {
        return new ApplicantStatus("Question for you", "The award office needs an answer from you before it decides on the "
                + "application's eligibility. Please answer below by " + due + ".", 1, false);
    }

    static ApplicantStatus of(StoredApplication application, AwardCall call, Instant now) {
        return switch (application.status()) {
            case SUBMITTED -> new ApplicantStatus("Received",
                    "The award office is checking that the application meets the call's rules.", 1, false);
            case ELIGIBLE, READY -> new ApplicantStatus("Eligible",
                    "The application meets the call's rules. Independent judges review it after the submission deadline, "
                            + call.deadlineText() + ".", 2, false);
            case INELIGIBLE -> new ApplicantStatus("Not eligible",
                    application.eligibilityReason() == null || application.eligibilityReason().isBlank()
                            ? "The application does not meet the call's rules."
                            : "The application does not meet the call's rules: " + application.eligibilityReason(), 2, true);
            case IN_REVIEW -> new ApplicantStatus("In review",
                    "Independent judges are reviewing the application without knowing who sent it.", 3, false);
            case WITHDRAWN -> new ApplicantStatus("Withdrawn",
                    "You withdrew the application; it takes no further part in the award."
                            + (application.withdrawalReason() == null ? "" : " The reason you gave: " + application.withdrawalReason()),
                    0, false);
            case REVIEWED, DECIDED, AWARDED, NOT_AWARDED -> {
                if (!call.resultsPublic(now) || application.status() == ApplicationStatus.REVIEWED
                        || application.status() == ApplicationStatus.DECIDED) {
                    yield new ApplicantStatus("With the panel",
                            "The reviews are done. The panel proposes the recipients and its chair decides; the results are "
                                    + "published when the award is announced.", 3, false);
                }
                yield application.status() == ApplicationStatus.AWARDED
                        ? new ApplicantStatus("Awarded", "Congratulations: the application has been selected for the award.", 4, true)
                        : new ApplicantStatus("Not selected", "The application has not been selected this time. The judges' "
                                + "feedback is below.", 4, true);
            }
        };
    }
}
