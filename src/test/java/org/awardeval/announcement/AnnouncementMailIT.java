package org.awardeval.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.demo.SampleData;
import org.awardeval.mail.MailOutbox;
import org.awardeval.mail.OutboxRepository.Stored;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.FreePorts;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.MovableClock;
import org.awardeval.support.OwnJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mails through the outbox against an SMTP server in the test: the applicants' (content, one per applicant, never
 * twice) and the judges' reminder (one per judge, whatever the number of their reviews).
 */
@OwnJvm
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "award.mail-interval=PT1H"})
@ActiveProfiles("test")
class AnnouncementMailIT {

    /** Another test's mail server may run beside this one. */
    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired InProcessCycle driver;
    @Autowired CallService callService;
    @Autowired MailOutbox outbox;
    @Autowired OutboxRepository notifications;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;

    @TestConfiguration
    static class ClockConfig {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    private long cycleWith(OffsetDateTime embargo) {
        driver.ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        long callId = callService.open(new CallRequest("Mail call " + System.nanoTime(), null, "ML", now.plusDays(5), now.plusDays(10),
                3, 1, CycleDriver.CHAIR, null, null, null, null, embargo, null, null));
        List.of(SampleData.form("Steppe University ml", "HEI", "Mongolia", "MC", "Bolormaa Ganbold", "bolormaa@ml.test", true),
                SampleData.form("Archipelago Institute ml", "HEI", "Indonesia", "MC", "Siti Rahma", "siti@ml.test", true),
                SampleData.form("Quiet College ml", "HEI", "Kenya", "NC", "Wanjiru Kamau", "wanjiru@ml.test", false))
                .forEach(form -> driver.submit(callId, form));
        return callId;
    }

    /** Thousands of results fall due at once when an embargo ends: one run sends them all, not a hundred an interval. */
    @Test
    void everyDueMailGoesOutInOneRunInBatchesOverOneConnectionEach() throws Exception {
        outbox.flush();
        int before = smtp.getReceivedMessages().length;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < 250; i++) {
            notifications.insert(new OutboxRepository.PersonalMail("BULK", "bulk" + i + "@many.test", "Result " + i, "Your result " + i,
                    "<p>Your result " + i + "</p>"), now);
        }
        assertThat(outbox.flush()).isEqualTo(250);
        MimeMessage[] received = Arrays.copyOfRange(smtp.getReceivedMessages(), before, smtp.getReceivedMessages().length);
        assertThat(received).hasSize(250);
        assertThat(Arrays.stream(received).map(m -> GreenMailUtil.getAddressList(uncheck(m))).collect(Collectors.toSet())).as("each to its own person").hasSize(250);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE '%@many.test' AND status = 'SENT'")
                .query(Long.class).single()).isEqualTo(250);
        assertThat(outbox.flush()).as("nothing sent twice").isZero();
    }

    @Test
    void aJudgeWithSeveralReviewsReceivesOneReminderListingThemAll() throws Exception {
        long callId = cycleWith(null);
        SampleData.sixEligible("dm").forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        outbox.flush(); // what the applicants were sent so far
        int before = smtp.getReceivedMessages().length;
        Map<String, Object> busiest = jdbc.sql("""
                SELECT j.email, COUNT(*) AS reviews FROM assignment s JOIN judge j ON j.id = s.judge_id
                WHERE s.call_id = ? AND s.status = 'OPEN' GROUP BY j.email ORDER BY COUNT(*) DESC, j.email""")
                .param(callId).query().listOfRows().get(0);
        String email = (String) busiest.get("EMAIL");
        List<String> codes = jdbc.sql("SELECT s.application_code FROM assignment s JOIN judge j ON j.id = s.judge_id"
                + " WHERE s.call_id = ? AND j.email = ? AND s.status = 'OPEN'").params(callId, email).query(String.class).list();
        assertThat(codes).hasSizeGreaterThan(1);

        driver.fire(driver.cycleInstance(callId), "Event_RemindersDue");
        outbox.flush();
        assertThat(outbox.flush()).isZero();
        List<MimeMessage> toJudge = Arrays.stream(smtp.getReceivedMessages()).skip(before)
                .filter(m -> GreenMailUtil.getAddressList(uncheck(m)).contains(email)).toList();
        assertThat(toJudge).as("one reminder for %d reviews", codes.size()).hasSize(1);
        assertThat(toJudge.get(0).getSubject()).contains("your " + codes.size() + " reviews");
        assertThat(GreenMailUtil.getBody(toJudge.get(0)).replace("=\r\n", "")).as("every review named").contains(codes);
    }

    @Test
    void everyApplicantGetsOneMailWithTheResultAndFeedbackNeverTwice() throws Exception {
        long callId = cycleWith(null);
        driver.runToAnnouncement(callId);
        assertThat(outbox.flush()).isEqualTo(3);
        // A retried job writes the same notification again, and the outbox is flushed again, twice at once.
        Stored any = notifications.byCall(callId).get(0);
        assertThat(notifications.insertOnce(new OutboxRepository.Notification(callId, any.applicationId(), "any", any.kind(),
                any.recipient(),
                any.subject(), any.body(), "<p>again</p>", OffsetDateTime.now()))).isFalse();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(outbox::flush);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(outbox::flush);
        assertThat(a.get() + b.get()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        Map<String, MimeMessage> byRecipient = Arrays.stream(received).collect(Collectors.toMap(
                m -> GreenMailUtil.getAddressList(uncheck(m)), m -> m));
        assertThat(byRecipient).containsOnlyKeys("bolormaa@ml.test", "siti@ml.test", "wanjiru@ml.test");
        assertThat(notifications.byCall(callId)).allSatisfy(n -> assertThat(n.status()).isEqualTo("SENT"));

        String winnerText = GreenMailUtil.getBody(byRecipient.values().stream().filter(m -> subject(m).contains("selected"))
                .findFirst().orElseThrow());
        assertThat(winnerText).contains("has been selected for the award", "Feedback from the judges", "Clear description of outcomes.");
        MimeMessage ineligible = byRecipient.get("wanjiru@ml.test");
        assertThat(subject(ineligible)).contains("is not eligible");
        MimeMultipart parts = (MimeMultipart) ineligible.getContent();
        String all = GreenMailUtil.getBody(ineligible);
        assertThat(all).contains("text/plain").contains("text/html").contains("consent");
        assertThat(parts.getCount()).isPositive();
        assertThat(all).doesNotContain("[person]");
    }

    @Test
    void resultsWaitForTheEmbargoAndAFailedSendIsRetriedOnce() throws Exception {
        OffsetDateTime embargo = OffsetDateTime.now().plusDays(1);
        long callId = cycleWith(embargo);
        driver.runToAnnouncement(callId);
        smtp.stop();
        int before = smtp.getReceivedMessages().length;
        assertThat(outbox.flush()).isZero();
        assertThat(notifications.byCall(callId).stream().filter(n -> n.kind().equals("INELIGIBLE"))).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo("PENDING")).satisfies(n -> assertThat(n.attempts()).isEqualTo(1));
        smtp.start();
        assertThat(outbox.flush()).as("only the ineligibility notice: the results are embargoed").isEqualTo(1);
        assertThat(notifications.byCall(callId).stream().filter(n -> n.kind().equals("RESULT")))
                .hasSize(2).allSatisfy(n -> assertThat(n.status()).isEqualTo("PENDING"));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(outbox.flush()).isEqualTo(2);
        assertThat(outbox.flush()).isZero();
        assertThat(smtp.getReceivedMessages().length - before).isEqualTo(3);
        assertThat(jdbc.sql("SELECT MIN(sent_at) FROM mail_outbox n JOIN application a ON a.id = n.application_id "
                + "WHERE a.call_id = ? AND n.kind = 'RESULT'").param(callId).query(OffsetDateTime.class).single()).isAfter(embargo);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static jakarta.mail.Address[] uncheck(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
