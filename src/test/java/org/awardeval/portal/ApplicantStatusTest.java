package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallStatus;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.junit.jupiter.api.Test;

/** What an applicant reads of their application's status: nothing of the decision before the embargo ends. */
class ApplicantStatusTest {

    static final OffsetDateTime EMBARGO = OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theDecisionShowsOnlyOnceTheResultsArePublic() {
        AwardCall announced = call(CallStatus.ANNOUNCED);
        Instant before = EMBARGO.minusMinutes(1).toInstant();
        Instant after = EMBARGO.plusMinutes(1).toInstant();
        for (ApplicationStatus status : new ApplicationStatus[] {ApplicationStatus.REVIEWED, ApplicationStatus.DECIDED,
                ApplicationStatus.AWARDED, ApplicationStatus.NOT_AWARDED}) {
            ApplicantStatus shown = ApplicantStatus.of(application(status, null), announced, before);
            assertThat(shown.label()).as(status.name()).isEqualTo("With the panel");
            assertThat(shown.decided()).isFalse();
        }
        assertThat(ApplicantStatus.of(application(ApplicationStatus.AWARDED, null), announced, after).label()).isEqualTo("Awarded");
        assertThat(ApplicantStatus.of(application(ApplicationStatus.NOT_AWARDED, null), announced, after).label()).isEqualTo("Not selected");
        assertThat(ApplicantStatus.of(application(ApplicationStatus.DECIDED, null), call(CallStatus.CLOSED), after).label())
                .isEqualTo("With the panel");
    }

    @Test
    void eachStepReadsInTheApplicantsWordsWithoutNamingJudges() {
        AwardCall call = call(CallStatus.OPEN);
        Instant now = EMBARGO.toInstant();
        assertThat(ApplicantStatus.of(application(ApplicationStatus.SUBMITTED, null), call, now).label()).isEqualTo("Received");
        assertThat(ApplicantStatus.of(application(ApplicationStatus.READY, null), call, now).label()).isEqualTo("Eligible");
        ApplicantStatus ineligible = ApplicantStatus.of(application(ApplicationStatus.INELIGIBLE, null), call, now);
        assertThat(ineligible.explanation()).endsWith("The organisation type is not admitted by this call.");
        assertThat(ApplicantStatus.of(application(ApplicationStatus.IN_REVIEW, null), call, now).explanation())
                .contains("without knowing who sent it");
        ApplicantStatus withdrawn = ApplicantStatus.of(application(ApplicationStatus.WITHDRAWN, "We merged."), call, now);
        assertThat(withdrawn.label()).isEqualTo("Withdrawn");
        assertThat(withdrawn.explanation()).contains("We merged.");
        assertThat(withdrawn.step()).isZero();
    }

    static AwardCall call(CallStatus status) {
        return new AwardCall(1, "Pioneer Award", null, "PA", EMBARGO.minusMonths(3), EMBARGO.minusMonths(2), 3, 1, 2, "chair", status,
                "UTC", Set.of("HEI"), EMBARGO, true, 300, 2500);
    }

    static StoredApplication application(ApplicationStatus status, String withdrawalReason) {
        return new StoredApplication(7, 1, "PA-MC-007", "MC", "Lakeside University", "HEI", "Ghana", "Amina Mensah", "amina@lakeside.test",
                "Teaching online", "Summary", "Description", 1200, null, null, true, EMBARGO.minusMonths(4), status,
                "The organisation type is not admitted by this call.", withdrawalReason);
    }
}
