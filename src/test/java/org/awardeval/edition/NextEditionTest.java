package org.awardeval.edition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.Category;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents;
import org.awardeval.invitation.JudgeInvitations;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A coordinator opens next year's call from this one over the API, and the dashboard compares the two editions. */
@H2Test
@SuppressWarnings({"rawtypes", "unchecked"})
class NextEditionTest {

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired CallService callService;
    @Autowired CallRepository calls;
    @Autowired Documents documents;
    @Autowired JudgeInvitations invitations;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    void theNextEditionKeepsTheSettingsTextsDocumentsAndTheJudgesWhoAccepted() throws Exception {
        driver.ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        String name = "Edition one " + System.nanoTime();
        List<Category> categories = Category.TEMPLATE_2025.stream()
                .map(c -> c.code().equals("MC") ? new Category(c.code(), c.name(), c.description(), 2, 5) : c).toList();
        long previous = callService.open(new CallRequest(name, "Digital practice", "EO", now.plusDays(10), now.plusDays(20), 3, 1,
                CycleDriver.CHAIR, "Asia/Shanghai", categories, Map.of("innovation", new java.math.BigDecimal("2")), List.of("HEI",
                "ENTERPRISE"), null, null, false, 200, 1500, List.of("fr"), Map.of("fr", Map.of("name", "Édition un", "theme",
                "Pratique numérique", "category.MC.name", "Micro-certification"))));
        documents.defineSlots(previous, List.of(new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1,
                5L * 1024 * 1024, 20)));
        callService.translate(previous, "fr", Map.of("theme", "Pratique numérique", "category.MC.name", "Micro-certification",
                "document.caseReport", "Rapport sur le cas", "name", "Édition un"));
        invitations.invite(previous, List.of("tj01", "tj02", "tj03"), 4, CycleDriver.COORDINATOR);
        answer(previous, "tj01", "ACCEPTED", 3);
        answer(previous, "tj02", "ACCEPTED", 4);
        answer(previous, "tj03", "DECLINED", null);

        OffsetDateTime deadline = now.plusYears(1).withNano(0);
        Map<String, Object> body = Map.of("callName", "Edition two " + System.nanoTime(), "codePrefix", "ET", "submissionDeadline",
                deadline.toString(), "reviewDeadline", deadline.plusDays(30).toString());
        assertThat(rest.withBasicAuth("tj01", CycleDriver.PASSWORD).postForEntity("/api/calls/" + previous + "/next-edition", body,
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> refused = coordinator().postForEntity("/api/calls/" + previous + "/next-edition",
                Map.of("codePrefix", "ET", "submissionDeadline", deadline.toString(), "reviewDeadline", deadline.plusDays(30).toString()),
                Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").toString()).contains("field=callName");

        ResponseEntity<Map> opened = coordinator().postForEntity("/api/calls/" + previous + "/next-edition", body, Map.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long next = ((Number) opened.getBody().get("callId")).longValue();
        assertThat((List<String>) opened.getBody().get("judgesInvited")).containsExactlyInAnyOrder("tj01", "tj02");

        AwardCall call = calls.get(next);
        assertThat(call.name()).isEqualTo(body.get("callName"));
        assertThat(call.theme()).isEqualTo("Digital practice");
        assertThat(call.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(call.chairUserId()).isEqualTo(CycleDriver.CHAIR);
        assertThat(call.summaryWords()).isEqualTo(200);
        assertThat(call.sameCountryConflict()).isFalse();
        assertThat(call.allowedOrganisationTypes()).containsExactlyInAnyOrder("HEI", "ENTERPRISE");
        assertThat(call.languages()).containsExactly("en", "fr");
        assertThat(calls.quotas(next).winners("MC")).isEqualTo(2);
        assertThat(calls.quotas(next).shortlist("MC")).isEqualTo(5);
        assertThat(calls.rubric(next).get("innovation")).isEqualByComparingTo("2");
        assertThat(documents.slots(next)).extracting(DocumentSlot::code).containsExactly("caseReport");
        Map<String, String> french = calls.translations(next).get("fr");
        assertThat(french).containsEntry("theme", "Pratique numérique").containsEntry("category.MC.name", "Micro-certification")
                .containsEntry("document.caseReport", "Rapport sur le cas").doesNotContainKey("name");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM judge_invitation WHERE call_id = ?").param(next).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT load_asked FROM judge_invitation i JOIN judge j ON j.id = i.judge_id WHERE i.call_id = ? "
                + "AND j.user_id = 'tj01'").param(next).query(Integer.class).single()).isEqualTo(3);

        // The coordinator's dashboard compares the editions.
        String dashboard = dashboard("/dashboard?callId=" + next);
        assertThat(dashboard).contains("Editions compared", name, (String) body.get("callName"));
    }

    private void answer(long callId, String userId, String status, Integer load) {
        jdbc.sql("UPDATE judge_invitation SET status = ?, load_accepted = ?, responded_at = ? WHERE call_id = ? "
                + "AND judge_id = (SELECT id FROM judge WHERE user_id = ?)").params(status, load, OffsetDateTime.now(), callId, userId)
                .update();
    }

    private TestRestTemplate coordinator() {
        return rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
    }

    /** The dashboard as a coordinator signed in to it reads it. */
    private String dashboard(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = client.send(HttpRequest.newBuilder(uri("/dashboard/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        client.send(HttpRequest.newBuilder(uri("/dashboard/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + CycleDriver.COORDINATOR + "&password=" + CycleDriver.PASSWORD
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
