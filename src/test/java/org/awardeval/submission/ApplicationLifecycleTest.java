package org.awardeval.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Set;
import org.awardeval.call.CallRepository;
import org.awardeval.web.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

/** The application's life cycle on its tables alone (Flyway's schema on H2): the moves it allows and refuses. */
@JdbcTest
@Import({ApplicationLifecycle.class, ApplicationRepository.class, CallRepository.class})
class ApplicationLifecycleTest {

    @Autowired ApplicationLifecycle lifecycle;
    @Autowired ApplicationRepository applications;
    @Autowired CallRepository calls;

    long callId;

    @BeforeEach
    void call() {
        OffsetDateTime now = OffsetDateTime.now();
        callId = calls.insert("Life cycle", null, "LC", now.plusDays(1), now.plusDays(2), 3, 3, 6, "chair", "UTC", Set.of("HEI"), null,
                true, 300, 2500, null);
    }

    long submitted(String name) {
        ApplicationForm form = new ApplicationForm(name, "HEI", "Kenya", "MC", "Contact", "contact@example.org", "Title", "Summary",
                "Description", 10, null, null, true, null, null);
        return applications.insert(form, callId, applications.organisationId(name, "HEI", "Kenya"), "LC", OffsetDateTime.now(), "en");
    }

    ApplicationStatus status(long id) {
        return applications.get(id).status();
    }

    @Test
    void anEligibleApplicationGoesThroughEveryStepOnce() {
        long id = submitted("Steppe University");
        assertThat(lifecycle.phaseComplete(callId, ApplicationLifecycle.SETTLED)).isFalse();
        lifecycle.eligibilityDecided(id, true, "ALL_CRITERIA_MET", "All criteria are met.");
        assertThat(status(id)).isEqualTo(ApplicationStatus.ELIGIBLE);
        assertThat(applications.get(id).eligibilityReason()).isEqualTo("All criteria are met.");
        lifecycle.settled(id);
        lifecycle.settled(id); // a retried job
        assertThat(status(id)).isEqualTo(ApplicationStatus.READY);
        assertThat(lifecycle.phaseComplete(callId, ApplicationLifecycle.SETTLED)).isTrue();
        assertThat(lifecycle.reviewsStarted(callId)).isOne();
        assertThat(lifecycle.phaseComplete(callId, ApplicationLifecycle.REVIEWED)).isFalse();
        lifecycle.reviewed(id);
        assertThat(lifecycle.phaseComplete(callId, ApplicationLifecycle.REVIEWED)).isTrue();
        assertThat(lifecycle.decided(callId)).isOne();
        lifecycle.announced(id, true);
        assertThat(status(id)).isEqualTo(ApplicationStatus.AWARDED);
    }

    @Test
    void anApplicationIsWithdrawnOnceUntilTheChairDecidesAndNoLongerHoldsUpItsPhase() {
        long withdrawn = submitted("Steppe University");
        long kept = submitted("Archipelago Institute");
        for (long id : new long[] {withdrawn, kept}) {
            lifecycle.eligibilityDecided(id, true, "ALL_CRITERIA_MET", "All criteria are met.");
            lifecycle.settled(id);
        }
        lifecycle.reviewsStarted(callId);
        lifecycle.reviewed(kept);
        assertThat(lifecycle.phaseComplete(callId, ApplicationLifecycle.REVIEWED)).isFalse();

        assertThat(lifecycle.withdraw(withdrawn, "We merged with another university.")).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(status(withdrawn)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(applications.get(withdrawn).withdrawalReason()).isEqualTo("We merged with another university.");
        assertThat(lifecycle.phaseComplete(callId, ApplicationLifecycle.REVIEWED)).isTrue();
        assertThatThrownBy(() -> lifecycle.withdraw(withdrawn, "Again")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("withdrawn already");

        assertThat(lifecycle.decided(callId)).isOne();
        assertThatThrownBy(() -> lifecycle.withdraw(kept, "Too late")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("the chair has decided");
        assertThat(status(kept)).isEqualTo(ApplicationStatus.DECIDED);
        lifecycle.announced(withdrawn, false);
        lifecycle.announced(kept, true);
        assertThat(status(withdrawn)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(status(kept)).isEqualTo(ApplicationStatus.AWARDED);
    }

    @Test
    void anIneligibleApplicationStaysIneligibleWhenItSettles() {
        long id = submitted("Archipelago Institute");
        lifecycle.eligibilityDecided(id, false, "NO_CONSENT", "No consent.");
        lifecycle.settled(id);
        assertThat(status(id)).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(lifecycle.reviewsStarted(callId)).isZero();
    }

    @Test
    void aStepOutOfOrderIsRefusedAndChangesNothing() {
        long id = submitted("Delta College");
        assertThatThrownBy(() -> lifecycle.settled(id)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Application " + id + " cannot go from SUBMITTED to READY");
        assertThatThrownBy(() -> lifecycle.announced(id, true)).hasMessageContaining("cannot go from SUBMITTED to AWARDED");
        assertThat(status(id)).isEqualTo(ApplicationStatus.SUBMITTED);
        lifecycle.eligibilityDecided(id, true, "ALL_CRITERIA_MET", "ok");
        assertThatThrownBy(() -> lifecycle.eligibilityDecided(id, false, "LATE", "late")).isInstanceOf(IllegalStateException.class);
        assertThat(status(id)).isEqualTo(ApplicationStatus.ELIGIBLE);
    }
}
