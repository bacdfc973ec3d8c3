package org.awardeval.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.OffsetDateTime;
import java.util.List;
import org.awardeval.demo.SampleData;
import org.awardeval.mail.OutboxRepository.Notification;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard counts a call's e-mails by status and names those a coordinator must check. */
@H2Test
class DashboardServiceTest {

    @Autowired InProcessCycle driver;
    @Autowired DashboardService dashboard;
    @Autowired OutboxRepository notifications;

    @Test
    void failedAndUnconfirmedEmailsAreListedForTheCoordinator() {
        long callId = driver.openCall("Dashboard e-mails");
        List<Submission> submitted = SampleData.sixEligible("dbm").subList(0, 4).stream().map(form -> driver.submit(callId, form)).toList();
        // Whatever the submission itself sent is out of the way.
        List<OutboxRepository.Stored> earlier = notifications.byCall(callId);
        earlier.forEach(stored -> notifications.markSent(stored.id(), OffsetDateTime.now()));
        for (Submission submission : submitted) {
            long application = submission.applicationId();
            notifications.insertOnce(new Notification(callId, application, submission.code(), "TEST",
                    "contact-" + application + "@example.org", "Subject", "Body",
                    "<p>Body</p>", OffsetDateTime.now()));
        }
        List<OutboxRepository.Stored> tests = notifications.byCall(callId).stream().filter(n -> n.kind().equals("TEST")).toList();
        notifications.claim(tests.get(0).id(), OffsetDateTime.now());
        notifications.claim(tests.get(1).id(), OffsetDateTime.now());
        notifications.markFailed(tests.get(1).id(), "550 mailbox unavailable", false);
        notifications.claim(tests.get(2).id(), OffsetDateTime.now());
        notifications.markSent(tests.get(2).id(), OffsetDateTime.now());

        DashboardService.Progress progress = dashboard.progress(callId, OffsetDateTime.now());

        assertThat(progress.mailsByStatus()).containsExactly(entry("PENDING", 1L), entry("SENDING", 1L),
                entry("SENT", earlier.size() + 1L), entry("FAILED", 1L));
        assertThat(progress.mailsToCheck()).extracting(OutboxRepository.ToCheck::status).containsExactlyInAnyOrder("SENDING", "FAILED");
        assertThat(progress.mailsToCheck()).filteredOn(m -> m.status().equals("FAILED")).singleElement().satisfies(m -> {
            assertThat(m.lastError()).isEqualTo("550 mailbox unavailable");
            assertThat(m.attempts()).isOne();
            assertThat(submitted).extracting(Submission::code).contains(m.applicationCode());
        });
    }
}
