package org.awardeval.portal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.awardeval.call.AwardCall;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.Localized;

/**
 * Where an application stands, as its applicant reads it: the status's key in the applicants' messages
 * ("status." + key + ".label" and ".explanation") and the explanation's arguments. Nothing names a judge, and the decision
 * shows only once anyone may read the results: until then an awarded application reads as one the panel is still deciding.
 *
 * @param step the step of the cycle, 1 to 4, for the progress the page shows; 0 once it has left the cycle
 */
record ApplicantStatus(String key, List<Object> args, int step, boolean decided) {

    static final int STEPS = 4;

    /** The award office has asked the applicant a question: their answer is what the application waits for. */
    static ApplicantStatus asked(Localized due) {
        return new ApplicantStatus("asked", List.of(due), 1, false);
    }

    static ApplicantStatus of(StoredApplication application, AwardCall call, Instant now) {
        return switch (application.status()) {
            case SUBMITTED -> new ApplicantStatus("received", List.of(), 1, false);
            case ELIGIBLE, READY -> new ApplicantStatus("eligible", List.of(call.deadline()), 2, false);
            case INELIGIBLE -> application.eligibilityReason() == null || application.eligibilityReason().isBlank()
                    ? new ApplicantStatus("ineligible", List.of(), 2, true)
                    : new ApplicantStatus("ineligibleBecause", List.of(application.eligibilityReason()), 2, true);
            case IN_REVIEW -> new ApplicantStatus("inReview", List.of(), 3, false);
            case WITHDRAWN -> application.withdrawalReason() == null
                    ? new ApplicantStatus("withdrawn", List.of(), 0, false)
                    : new ApplicantStatus("withdrawnBecause", List.of(application.withdrawalReason()), 0, false);
            case REVIEWED, DECIDED, AWARDED, NOT_AWARDED -> {
                if (!call.resultsPublic(now) || application.status() == ApplicationStatus.REVIEWED
                        || application.status() == ApplicationStatus.DECIDED) {
                    yield new ApplicantStatus("panel", List.of(), 3, false);
                }
                yield application.status() == ApplicationStatus.AWARDED
                        ? new ApplicantStatus("awarded", List.of(), 4, true)
                        : new ApplicantStatus("notSelected", List.of(), 4, true);
            }
        };
    }

    /** The explanation's arguments written for a reader of this language (dates in the call's time zone). */
    public Object[] argsIn(Locale locale) {
        return args.stream().map(arg -> arg instanceof Localized localized ? localized.in(locale) : arg).toArray();
    }
}
