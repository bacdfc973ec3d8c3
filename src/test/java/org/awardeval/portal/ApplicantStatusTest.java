package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallStatus;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.Moments;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

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
            assertThat(label(shown)).as(status.name()).isEqualTo("With the panel");
            assertThat(shown.decided()).isFalse();
        }
        assertThat(label(ApplicantStatus.of(application(ApplicationStatus.AWARDED, null), announced, after))).isEqualTo("Awarded");
        assertThat(label(ApplicantStatus.of(application(ApplicationStatus.NOT_AWARDED, null), announced, after))).isEqualTo("Not selected");
        assertThat(label(ApplicantStatus.of(application(ApplicationStatus.DECIDED, null), call(CallStatus.CLOSED), after)))
                .isEqualTo("With the panel");
    }

    @Test
    void eachStepReadsInTheApplicantsWordsWithoutNamingJudges() {
        AwardCall call = call(CallStatus.OPEN);
        Instant now = EMBARGO.toInstant();
        assertThat(label(ApplicantStatus.of(application(ApplicationStatus.SUBMITTED, null), call, now))).isEqualTo("Received");
        assertThat(label(ApplicantStatus.of(application(ApplicationStatus.READY, null), call, now))).isEqualTo("Eligible");
        ApplicantStatus ineligible = ApplicantStatus.of(application(ApplicationStatus.INELIGIBLE, null), call, now);
        assertThat(explanation(ineligible)).endsWith("The organisation type is not admitted by this call.");
        assertThat(explanation(ApplicantStatus.of(application(ApplicationStatus.IN_REVIEW, null), call, now)))
                .contains("without knowing who sent it");
        ApplicantStatus withdrawn = ApplicantStatus.of(application(ApplicationStatus.WITHDRAWN, "We merged."), call, now);
        assertThat(label(withdrawn)).isEqualTo("Withdrawn");
        assertThat(explanation(withdrawn)).contains("We merged.");
        assertThat(withdrawn.step()).isZero();
    }

    /** The applicants' messages, as the application reads them. */
    private static final ResourceBundleMessageSource MESSAGES = messages();

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/applicants");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    private static String label(ApplicantStatus status) {
        return MESSAGES.getMessage("status." + status.key() + ".label", null, Locale.ENGLISH);
    }

    private static String explanation(ApplicantStatus status) {
        return MESSAGES.getMessage("status." + status.key() + ".explanation", status.argsIn(Locale.ENGLISH), Locale.ENGLISH);
    }

    @Test
    void theStatusReadsInTheApplicantsLanguage() {
        ApplicantStatus eligible = ApplicantStatus.of(application(ApplicationStatus.READY, null), call(CallStatus.OPEN), EMBARGO.toInstant());
        Locale french = Locale.FRENCH;
        assertThat(MESSAGES.getMessage("status." + eligible.key() + ".label", null, french)).isEqualTo("Recevable");
        // The deadline is written for the reader: a French date, in the call's time zone, with the zone said.
        assertThat(MESSAGES.getMessage("status." + eligible.key() + ".explanation", eligible.argsIn(french), french))
                .contains(Moments.inZone(EMBARGO.minusMonths(3), "UTC", french)).contains("UTC+00:00");
    }

    static AwardCall call(CallStatus status) {
        return new AwardCall(1, "Pioneer Award", null, "PA", EMBARGO.minusMonths(3), EMBARGO.minusMonths(2), 3, 1, 2, "chair", status,
                "UTC", Set.of("HEI"), EMBARGO, true, 300, 2500, List.of("en"));
    }

    static StoredApplication application(ApplicationStatus status, String withdrawalReason) {
        return new StoredApplication(7, 1, "PA-MC-007", "MC", "Lakeside University", "HEI", "Ghana", "Amina Mensah", "amina@lakeside.test",
                "Teaching online", "Summary", "Description", 1200, null, null, true, EMBARGO.minusMonths(4), status,
                "The organisation type is not admitted by this call.", withdrawalReason, "en");
    }
}
