package org.awardeval.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.demo.SampleData;
import org.awardeval.mail.MailChecks;
import org.awardeval.mail.OutboxRepository.Notification;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A coordinator acts on the e-mails the outbox could not confirm, from the dashboard, over HTTP as the browser does. */
@H2Test
class DashboardMailActionsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired OutboxRepository notifications;
    @Autowired JdbcClient jdbc;

    @Test
    void aCoordinatorSendsAgainOrMarksArrivedOnlyWhatCannotBeInTheMiddleOfSending() throws Exception {
        long callId = driver.openCall("Dashboard e-mail actions");
        List<Submission> submitted = SampleData.sixEligible("dma").subList(0, 4).stream().map(form -> driver.submit(callId, form)).toList();
        notifications.byCall(callId).forEach(stored -> notifications.markSent(stored.id(), OffsetDateTime.now()));
        OffsetDateTime now = OffsetDateTime.now();
        for (Submission submission : submitted) {
            notifications.insertOnce(new Notification(callId, submission.applicationId(), submission.code(), "TEST",
                    "contact-" + submission.applicationId()
                    + "@example.org", "Subject", "Body", "<p>Body</p>", now));
        }
        List<Long> ids = notifications.byCall(callId).stream().filter(n -> n.kind().equals("TEST")).map(OutboxRepository.Stored::id).toList();
        long failed = ids.get(0);
        long sendingNow = ids.get(1);
        long cutOff = ids.get(2);
        long sent = ids.get(3);
        notifications.claim(failed, now);
        notifications.markFailed(failed, "550 mailbox unavailable", false);
        notifications.claim(sendingNow, now.minusMinutes(2));
        OffsetDateTime cutOffAt = now.minus(MailChecks.SENDING_LIMIT).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        notifications.claim(cutOff, cutOffAt);
        notifications.claim(sent, now);
        notifications.markSent(sent, now);

        HttpClient coordinator = login(CycleDriver.COORDINATOR);
        String page = get(coordinator, "/dashboard?callId=" + callId);
        assertThat(page).contains("Send again", "It arrived", "550 mailbox unavailable");

        String afterFailed = post(coordinator, "/dashboard/mails/" + failed + "/send-again", callId, csrf(page));
        assertThat(afterFailed).contains("goes out again");
        assertThat(row(failed)).containsEntry("status", "PENDING").containsEntry("attempts", 0).containsEntry("checked_by", CycleDriver.COORDINATOR);
        assertThat(row(failed).get("last_error")).isNull();
        assertThat(notifications.due(OffsetDateTime.now(), 1000)).extracting(OutboxRepository.Outgoing::id).contains(failed);

        String afterSendingNow = post(coordinator, "/dashboard/mails/" + sendingNow + "/send-again", callId, csrf(afterFailed));
        assertThat(afterSendingNow).contains("is being sent now", "mark it arrived or send it again");
        assertThat(row(sendingNow)).containsEntry("status", "SENDING").containsEntry("attempts", 1);
        assertThat(post(coordinator, "/dashboard/mails/" + sendingNow + "/arrived", callId, csrf(afterSendingNow)))
                .contains("is being sent now");
        assertThat(row(sendingNow)).containsEntry("status", "SENDING");

        String afterCutOff = post(coordinator, "/dashboard/mails/" + cutOff + "/arrived", callId, csrf(afterSendingNow));
        assertThat(afterCutOff).contains("is marked as sent");
        assertThat(row(cutOff)).containsEntry("status", "SENT").containsEntry("checked_by", CycleDriver.COORDINATOR);
        assertThat(notifications.byCall(callId).stream().filter(n -> n.id() == cutOff).findFirst().orElseThrow().sentAt())
                .isEqualTo(cutOffAt);

        String afterSent = post(coordinator, "/dashboard/mails/" + sent + "/send-again", callId, csrf(afterCutOff));
        assertThat(afterSent).contains("was sent already. Nothing was changed.");
        assertThat(post(coordinator, "/dashboard/mails/" + failed + "/arrived", callId, csrf(afterSent)))
                .contains("Cannot mark it arrived", "is waiting in the outbox already");
        assertThat(row(sent)).containsEntry("status", "SENT").containsEntry("attempts", 1);

        // Another call's id does not reach this call's e-mails.
        assertThat(send(coordinator, "/dashboard/mails/" + sent + "/send-again", callId + 1000, csrf(afterSent)).statusCode()).isEqualTo(404);

        // Without the page's token, or as a judge, nothing happens.
        assertThat(send(coordinator, "/dashboard/mails/" + sendingNow + "/send-again", callId, "forged").statusCode()).isEqualTo(403);
        HttpClient judge = login(CycleDriver.judges().get(0));
        String judgeToken = csrf(get(judge, "/dashboard/login"));
        assertThat(send(judge, "/dashboard/mails/" + sendingNow + "/send-again", callId, judgeToken).statusCode()).isEqualTo(403);
        assertThat(row(sendingNow)).containsEntry("status", "SENDING").containsEntry("attempts", 1);
    }

    private Map<String, Object> row(long id) {
        Map<String, Object> row = new HashMap<>();
        jdbc.sql("SELECT status, attempts, checked_by, last_error FROM mail_outbox WHERE id = ?").param(id).query().singleRow()
                .forEach((column, value) -> row.put(column.toLowerCase(), value));
        return row;
    }

    private HttpClient login(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String token = csrf(get(client, "/dashboard/login"));
        client.send(HttpRequest.newBuilder(uri("/dashboard/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + CycleDriver.PASSWORD + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        return client;
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private String post(HttpClient client, String path, long callId, String token) throws Exception {
        HttpResponse<String> response = send(client, path, callId, token);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.uri().getPath()).isEqualTo("/dashboard");
        return response.body();
    }

    private HttpResponse<String> send(HttpClient client, String path, long callId, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("callId=" + callId + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("the page's CSRF token").isTrue();
        return matcher.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
