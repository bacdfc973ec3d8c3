package org.awardeval.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.web.CsvExport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The published results: by category and by type of applicant, escaped, with the cycle's figures counted distinct. */
@H2Test
class ResultsTest {

    @Autowired InProcessCycle driver;
    @Autowired CallService callService;
    @Autowired TestRestTemplate rest;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static ApplicationForm form(String organisation, String type, String country, String category, String title, boolean consent) {
        return new ApplicationForm(organisation, type, country, category, "Kwame Mensah", organisation.replace(' ', '.') + "@res.test",
                title, "Summary", "Description", 100, consent, null);
    }

    @Test
    void theResultsPageListsRecipientsByCategoryAndTypeEscapedWithDistinctCounts() {
        driver.ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        long callId = callService.open(new CallRequest("Results call " + System.nanoTime(), null, "RS", now.plusDays(5), now.plusDays(9),
                3, 10, CycleDriver.CHAIR));
        assertThat(rest.getForEntity("/calls/" + callId + "/results", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        List.of(form("Alpha University", "HEI", "Ghana", "MC", "<script>alert('x')</script> micro-certification", true),
                form("Alpha University", "HEI", "Ghana", "SC", "Smart rooms for Alpha", true),
                form("Beta Tech", "ENTERPRISE", "Ghana", "IU", "=HYPERLINK(\"http://evil.test\",\"win\")", true),
                form("Gamma Centre", "NATIONAL_CENTRE", "Togo", "NC", "National network", true),
                form("Delta College", "HEI", "Benin", "NC", "No consent given", false))
                .forEach(f -> driver.submit(callId, f));
        driver.runToAnnouncement(callId);

        String page = rest.getForObject("/calls/" + callId + "/results", String.class);
        assertThat(page).contains("5 applications from 3 countries, including 2 higher education institutions and 1 enterprise partner; "
                + "4 cases selected.");
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; micro-certification").doesNotContain("<script>alert");
        assertThat(page).contains(ResultsService.HEIS_AND_ORGANISATIONS, ResultsService.ENTERPRISES,
                "Smart Classroom operations for teaching and learning").doesNotContain("No consent given");
        // The page's expressions are compiled after a hundred views: it reads the same afterwards.
        for (int view = 0; view < 110; view++) {
            rest.getForObject("/calls/" + callId + "/results", String.class);
        }
        assertThat(rest.getForObject("/calls/" + callId + "/results", String.class)).isEqualTo(page);

        Map<?, ?> json = rest.getForObject("/api/calls/" + callId + "/results", Map.class);
        Map<String, List<Map<String, String>>> byType = (Map<String, List<Map<String, String>>>) json.get("byApplicantType");
        assertThat(byType.get(ResultsService.ENTERPRISES)).extracting(r -> r.get("organisation")).containsExactly("Beta Tech");
        assertThat(byType.get(ResultsService.HEIS_AND_ORGANISATIONS)).extracting(r -> r.get("organisation"))
                .containsExactlyInAnyOrder("Alpha University", "Alpha University", "Gamma Centre");

        ResponseEntity<String> csv = rest.getForEntity("/api/calls/" + callId + "/results.csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"win\"\")\"").doesNotContain(",=HYPERLINK");
    }

    @Test
    void noChannelRevealsTheWinnersBeforeTheEmbargoButCoordinatorsMayPreview() {
        driver.ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime embargo = now.plusDays(30).withNano(0);
        long callId = callService.open(new CallRequest("Embargo call " + System.nanoTime(), null, "EM", now.plusDays(5), now.plusDays(9),
                3, 1, CycleDriver.CHAIR, "Asia/Shanghai", null, null, null, embargo, null, null));
        driver.submit(callId, form("Epsilon University", "HEI", "Ghana", "MC", "Embargoed case", true));
        driver.runToAnnouncement(callId);
        assertThat(jdbc.sql("SELECT status FROM award_call WHERE id = ?").param(callId).query(String.class).single()).isEqualTo("ANNOUNCED");

        for (String path : List.of("/calls/" + callId + "/results", "/api/calls/" + callId + "/results",
                "/api/calls/" + callId + "/results.csv")) {
            ResponseEntity<String> answer = rest.getForEntity(path, String.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).as(path).contains("have not been announced yet").contains("Asia/Shanghai")
                    .doesNotContain("Epsilon");
        }
        assertThat(rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD).getForObject("/api/calls/" + callId + "/results.csv",
                String.class)).contains("Epsilon University");
        assertThat(rest.withBasicAuth(CycleDriver.judges().get(0), CycleDriver.PASSWORD)
                .getForEntity("/api/calls/" + callId + "/results", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // The ceremony has taken place: the same call, its embargo over.
        jdbc.sql("UPDATE award_call SET embargo_until = ? WHERE id = ?").params(now.minusMinutes(1), callId).update();
        assertThat(rest.getForObject("/calls/" + callId + "/results", String.class)).contains("Epsilon University");
        assertThat(rest.getForObject("/api/calls/" + callId + "/results.csv", String.class)).contains("Epsilon University");
    }

    @Test
    void aFormulaCellIsWrittenAsText() {
        assertThat(CsvExport.safeCell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExport.safeCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.safeCell("Plain")).isEqualTo("Plain");
    }
}
