package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.call.CallService;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.demo.SampleData;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case library where its readers and the selected applicants meet it: a case appears only with its applicant's
 * agreement, given in the portal, and only once its call's results are public; the figures year over year are those of
 * the editions; each case's page describes it as schema.org data.
 */
@H2Test
class LibraryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired CallService callService;
    @Autowired JdbcClient jdbc;

    private long edition(String name, int daysToDeadline, OffsetDateTime embargo, List<ApplicationForm> forms) {
        driver.ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        long callId = callService.open(new CallRequest(name, "Digital practice", "LB", now.plusDays(daysToDeadline),
                now.plusDays(daysToDeadline + 10), 3, 1, CycleDriver.CHAIR, "UTC", null, null, null, embargo, null, null));
        forms.forEach(form -> driver.submit(callId, form));
        driver.runToAnnouncement(callId);
        return callId;
    }

    private List<Map<String, Object>> awarded(long callId) {
        return jdbc.sql("SELECT a.id, a.code, a.title, a.contact_email FROM application a WHERE a.call_id = ? AND a.status = 'AWARDED' "
                + "ORDER BY a.code").param(callId).query().listOfRows();
    }

    @Test
    void aCaseAppearsOnlyWithItsApplicantsAgreementAndTheFiguresAreThoseOfEachEdition() throws Exception {
        String suffix = "lb" + System.nanoTime();
        long first = edition("Library first " + suffix, 10, null, SampleData.sixEligible(suffix + "a"));
        long second = edition("Library second " + suffix, 400, null, SampleData.sixEligible(suffix + "b").subList(0, 4));
        List<Map<String, Object>> winners = awarded(first);
        assertThat(winners).hasSizeGreaterThanOrEqualTo(3);

        // The first selected applicant publishes with a summary they rewrote; the second declines; the third says nothing.
        String published = (String) winners.get(0).get("CODE");
        Applicant agrees = Applicant.signedInFromOutbox(port, jdbc, (String) winners.get(0).get("CONTACT_EMAIL"));
        String page = agrees.get("/portal/applications/" + published).body();
        assertThat(page).contains("The award&#39;s case library", "Publish this case in the library with this summary");
        HttpResponse<String> tooLong = agrees.post("/portal/applications/" + published + "/library",
                Map.of("publish", "on", "publicSummary", "word ".repeat(301)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Summary for the library has 301 words; at most 300 are allowed.");
        agrees.get("/portal/applications/" + published);
        HttpResponse<String> saved = agrees.post("/portal/applications/" + published + "/library",
                Map.of("publish", "on", "publicSummary", "Lecturers across the steppe earn micro-credentials in digital teaching."));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(agrees.get("/portal/applications/" + published + "?library").body()).contains("Your case is published in the library.");

        String declined = (String) winners.get(1).get("CODE");
        Applicant declines = Applicant.signedInFromOutbox(port, jdbc, (String) winners.get(1).get("CONTACT_EMAIL"));
        declines.get("/portal/applications/" + declined);
        assertThat(declines.post("/portal/applications/" + declined + "/library", Map.of("publicSummary", "Not for publication."))
                .statusCode()).isEqualTo(302);
        String silent = (String) winners.get(2).get("CODE");

        // Somebody not selected is not asked, and cannot agree by sending the form anyway.
        Map<String, Object> notSelected = jdbc.sql("SELECT code, contact_email FROM application WHERE call_id = ? AND status = 'NOT_AWARDED'")
                .param(first).query().listOfRows().get(0);
        Applicant other = Applicant.signedInFromOutbox(port, jdbc, (String) notSelected.get("CONTACT_EMAIL"));
        assertThat(other.get("/portal/applications/" + notSelected.get("CODE")).body()).doesNotContain("Publish this case in the library");
        HttpResponse<String> forged = other.post("/portal/applications/" + notSelected.get("CODE") + "/library",
                Map.of("publish", "on", "publicSummary", "Publish me."));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("The library asks for your agreement once the application is selected");
        // Nor answer for another applicant's case.
        assertThat(other.post("/portal/applications/" + declined + "/library", Map.of("publish", "on", "publicSummary", "Mine now."))
                .statusCode()).isEqualTo(404);

        Applicant reader = new Applicant(port);
        JsonNode cases = JSON.readTree(reader.get("/api/library/cases").body());
        List<String> codes = cases.findValuesAsText("code");
        assertThat(codes).contains(published).doesNotContain(declined, silent, (String) notSelected.get("CODE"));
        JsonNode shown = cases.findParents("code").stream().filter(c -> c.get("code").asText().equals(published)).findFirst().orElseThrow();
        assertThat(shown.get("summary").asText()).isEqualTo("Lecturers across the steppe earn micro-credentials in digital teaching.");
        assertThat(reader.get("/api/library/cases.csv").body()).contains(published).doesNotContain(declined);
        assertThat(reader.get("/library/cases/" + declined).statusCode()).isEqualTo(404);

        // The page of a published case describes it as schema.org data.
        String casePage = reader.get("/library/cases/" + published).body();
        Matcher ld = JSON_LD.matcher(casePage);
        assertThat(ld.find()).isTrue();
        JsonNode data = JSON.readTree(ld.group(1));
        assertThat(data.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(data.get("@type").asText()).isEqualTo("CreativeWork");
        assertThat(data.get("identifier").asText()).isEqualTo(published);
        assertThat(data.get("name").asText()).isEqualTo(winners.get(0).get("TITLE"));
        assertThat(data.get("abstract").asText()).startsWith("Lecturers across the steppe");
        assertThat(data.at("/creator/@type").asText()).isEqualTo("Organization");
        assertThat(data.at("/creator/address/addressCountry").asText()).isNotBlank();
        assertThat(data.get("url").asText()).endsWith("/library/cases/" + published);

        // The figures of both editions, as generated: the first has six applications, the second four, two years later.
        JsonNode editions = JSON.readTree(reader.get("/api/library/editions").body());
        JsonNode one = edition(editions, first);
        JsonNode two = edition(editions, second);
        assertThat(one.get("applications").asLong()).isEqualTo(6);
        assertThat(one.get("countries").asLong()).isEqualTo(5);
        assertThat(one.get("institutions").asLong()).isEqualTo(3);
        assertThat(one.get("enterprises").asLong()).isEqualTo(1);
        assertThat(one.at("/organisationsByType/NATIONAL_CENTRE").asLong()).isEqualTo(1);
        assertThat(one.get("regions").size()).isEqualTo(5);
        assertThat(one.get("published").asLong()).isEqualTo(1);
        assertThat(two.get("applications").asLong()).isEqualTo(4);
        assertThat(two.get("countries").asLong()).isEqualTo(4);
        assertThat(two.get("institutions").asLong()).isEqualTo(3);
        assertThat(two.get("enterprises").asLong()).isZero();
        assertThat(two.get("year").asInt() - one.get("year").asInt()).isBetween(1, 2);
        assertThat(reader.get("/library").body()).contains("Library first " + suffix, "Library second " + suffix);
    }

    @Test
    void nothingOfACallAppearsBeforeItsEmbargo() throws Exception {
        String suffix = "em" + System.nanoTime();
        long callId = edition("Library embargo " + suffix, 10, OffsetDateTime.now().plusDays(30), SampleData.sixEligible(suffix));
        Map<String, Object> winner = awarded(callId).get(0);
        Applicant applicant = Applicant.signedInFromOutbox(port, jdbc, (String) winner.get("CONTACT_EMAIL"));
        assertThat(applicant.get("/portal/applications/" + winner.get("CODE")).body()).doesNotContain("Publish this case in the library");
        // Even an agreement already on record shows nothing until the embargo ends.
        jdbc.sql("INSERT INTO library_entry (application_id, call_id, consented, public_summary, answered_at) VALUES (?, ?, TRUE, ?, ?)")
                .params(winner.get("ID"), callId, "Too early.", OffsetDateTime.now()).update();
        Applicant reader = new Applicant(port);
        assertThat(reader.get("/api/library/cases").body()).doesNotContain((String) winner.get("CODE"));
        assertThat(reader.get("/library/cases/" + winner.get("CODE")).statusCode()).isEqualTo(404);
        assertThat(reader.get("/api/library/editions").body()).doesNotContain("Library embargo " + suffix);
    }

    private static JsonNode edition(JsonNode editions, long callId) {
        for (JsonNode edition : editions) {
            if (edition.get("callId").asLong() == callId) {
                return edition;
            }
        }
        throw new AssertionError("No edition of call " + callId + " in " + editions);
    }
}
