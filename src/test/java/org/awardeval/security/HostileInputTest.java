package org.awardeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.support.Chromium;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * More than a thousand hostile inputs over the public form, the JSON API and the CSV import: script and markup, SQL
 * fragments, spreadsheet formulas, oversize and deeply nested bodies, invalid UTF-8, broken CSV. None gets a server
 * error; texts stored as written never run as script in a real browser; CSV exports neutralise formulas.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** Each, if it ran, would mark the page's body. */
    static final List<String> SCRIPTS = List.of(
            "<script>document.body.setAttribute('data-pwned','script')</script>",
            "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
            "\"><svg onload=\"document.body.setAttribute('data-pwned','svg')\">",
            "'><body onload=document.body.setAttribute('data-pwned','attr')>",
            "<a href=\"javascript:document.body.setAttribute('data-pwned','href')\">x</a>",
            "<iframe srcdoc=\"<script>parent.document.body.setAttribute('data-pwned','iframe')</script>\"></iframe>",
            "{{constructor.constructor('document.body.setAttribute(\\'data-pwned\\',\\'template\\')')()}}",
            "[(${T(java.lang.Runtime).getRuntime().exec('id')})]");
    static final List<String> SQL = List.of("'; DROP TABLE application; --", "1 OR 1=1", "\" OR \"\"=\"", "Robert'); DELETE FROM award_call;--",
            "' UNION SELECT contact_email FROM application --");
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.test\",\"win\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1");
    static final List<String> FIELDS = List.of("organisationName", "country", "contactName", "contactEmail", "title", "summary",
            "description", "outcomes", "partners", "organisationType", "categoryCode");

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired CallService callService;

    long callId;
    int tried;

    @BeforeAll
    void call() {
        driver.ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        callId = callService.open(new CallRequest("Hostile " + System.nanoTime(), null, "HX", now.plusDays(5), now.plusDays(9), 3, 20,
                CycleDriver.CHAIR));
    }

    static List<String> payloads() {
        List<String> all = new ArrayList<>(SCRIPTS);
        all.addAll(SQL);
        all.addAll(FORMULAS);
        all.add("x".repeat(30_000));
        all.add("nul\u0000byte");
        all.add("\uD800 lone surrogate");
        all.add("right\u202Eto-left override");
        // The same, hidden inside ordinary text.
        new ArrayList<>(all).forEach(payload -> all.add("Digital campus " + payload + " in rural schools"));
        return all;
    }

    private static Map<String, Object> valid(int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationName", "Hostile University " + n);
        body.put("organisationType", "HEI");
        body.put("country", "Nepal");
        body.put("categoryCode", "MC");
        body.put("contactName", "Sita Sharma");
        body.put("contactEmail", "sita" + n + "@hostile.test");
        body.put("title", "Case " + n);
        body.put("summary", "Summary");
        body.put("description", "Description");
        body.put("consent", true);
        return body;
    }

    @Test
    void theJsonApiNeverFailsOnHostileInput() {
        int n = 0;
        for (String field : FIELDS) {
            for (String payload : payloads()) {
                Map<String, Object> body = valid(n++);
                body.put(field, payload);
                expectNoServerError(rest.postForEntity("/api/calls/" + callId + "/applications", body, String.class), field);
            }
        }
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        for (int depth : new int[] {100, 1_000, 5_000, 20_000, 100_000}) {
            String deep = "{\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            expectNoServerError(rest.postForEntity("/api/calls/" + callId + "/applications", new HttpEntity<>(deep, json), String.class),
                    "deep JSON " + depth);
        }
        for (int megabytes : new int[] {1, 4, 8}) {
            Map<String, Object> body = valid(n++);
            body.put("description", "y".repeat(megabytes * 1024 * 1024));
            expectNoServerError(rest.postForEntity("/api/calls/" + callId + "/applications", body, String.class), megabytes + " MB");
        }
        byte[] broken = "{\"organisationName\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 20; i++) {
            expectNoServerError(rest.postForEntity("/api/calls/" + callId + "/applications", new HttpEntity<>(broken, json), String.class),
                    "invalid UTF-8");
        }
        for (String wrong : List.of("[]", "\"text\"", "42", "null", "{\"consent\":\"yes please\"}", "{\"educatorsReached\":1e309}",
                "{\"submittedAt\":\"yesterday\"}", "{\"extraFacts\":[1,2]}", "{", "}{")) {
            expectNoServerError(rest.postForEntity("/api/calls/" + callId + "/applications", new HttpEntity<>(wrong, json), String.class),
                    wrong);
        }
    }

    @Test
    void thePublicFormNeverFailsAndEchoesNothingThatRuns() throws Exception {
        ResponseEntity<String> page = rest.getForEntity("/calls/" + callId + "/apply", String.class);
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String csrf = csrfToken(page.getBody());
        int n = 1000;
        List<String> echoed = new ArrayList<>();
        for (String field : FIELDS) {
            for (String payload : payloads()) {
                MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
                valid(n++).forEach((k, v) -> form.add(k, String.valueOf(v)));
                form.set("consent", "on");
                form.set(field, payload);
                // Another field is wrong, so that the page comes back with the hostile value in it.
                form.set("contactEmail", "not-an-email");
                form.add("_csrf", csrf);
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
                headers.add(HttpHeaders.COOKIE, cookie);
                ResponseEntity<String> answer = rest.postForEntity("/calls/" + callId + "/apply", new HttpEntity<>(form, headers),
                        String.class);
                expectNoServerError(answer, field);
                if (SCRIPTS.contains(payload) && List.of("title", "organisationName").contains(field) && answer.getBody() != null) {
                    echoed.add(answer.getBody());
                }
            }
        }
        assertThat(echoed).hasSize(SCRIPTS.size() * 2);
        if (Chromium.enabled()) {
            Path dir = Files.createTempDirectory("echoed");
            // The check itself: a page that does run the script is caught.
            Path planted = dir.resolve("planted.html");
            Files.writeString(planted, "<html><body><p>x</p>" + SCRIPTS.get(1) + "</body></html>");
            assertThat(Pattern.compile("<body[^>]*data-pwned").matcher(Chromium.renderedDom(planted.toUri().toString())).find()).isTrue();
            for (int i = 0; i < echoed.size(); i++) {
                Path file = dir.resolve("page" + i + ".html");
                Files.writeString(file, echoed.get(i));
                assertNotPwned(Chromium.renderedDom(file.toUri().toString()), file.toString());
            }
        }
    }

    @Test
    void theCsvImportNeverFails() {
        String header = "organisation,organisation_type,country,category,contact_name,contact_email,title,summary,description,"
                + "educators_reached,consent,submitted_at";
        TestRestTemplate coordinator = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        int n = 5000;
        for (int column = 0; column < 9; column++) {
            for (String payload : payloads()) {
                String[] row = {"Csv College " + n, "HEI", "Peru", "SC", "Ana Torres", "ana" + n + "@csv.test", "Case " + n, "S", "D"};
                row[column] = payload;
                n++;
                String line = String.join(",", java.util.Arrays.stream(row).map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList())
                        + ",10,yes,";
                expectNoServerError(coordinator.postForEntity("/api/calls/" + callId + "/applications/import",
                        new HttpEntity<>((header + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8), csv), String.class), "csv " + column);
            }
        }
        for (String broken : List.of("\"unclosed,quote\n", "a,\"b\"c\",d\n", header + "\n\"x", "\u0000\u0001\u0002", "")) {
            for (int i = 0; i < 4; i++) {
                expectNoServerError(coordinator.postForEntity("/api/calls/" + callId + "/applications/import",
                        new HttpEntity<>(broken.getBytes(StandardCharsets.UTF_8), csv), String.class), "broken csv");
            }
        }
        byte[] latin1 = (header + "\nÉcole Numérique,HEI,France,SC,Zoé,zoe@csv.test,T,S,D,1,yes,\n").getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 10; i++) {
            expectNoServerError(coordinator.postForEntity("/api/calls/" + callId + "/applications/import", new HttpEntity<>(latin1, csv),
                    String.class), "latin-1 csv");
        }
    }

    @Test
    void storedScriptsDoNotRunOnTheResultsPageAndCsvExportsDefuseFormulas() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        long shown = callService.open(new CallRequest("Hostile results " + System.nanoTime(), null, "HR", now.plusDays(5), now.plusDays(9),
                3, 20, CycleDriver.CHAIR));
        int n = 0;
        List<String> titles = new ArrayList<>(SCRIPTS);
        titles.addAll(FORMULAS.stream().map(String::strip).toList());
        for (String title : titles) {
            driver.submit(shown, new ApplicationForm("Shown College " + n, "HEI", "Nepal", List.of("MC", "NC", "SC", "IU").get(n % 4),
                    "Pat Doe", "pat" + n + "@shown.test", title, title, title, 10, null, null, true, null, null));
            n++;
        }
        driver.runToAnnouncement(shown);
        String html = rest.getForObject("/calls/" + shown + "/results", String.class);
        assertThat(html).contains("Shown College 0");
        if (Chromium.enabled()) {
            assertNotPwned(Chromium.renderedDom(rest.getRootUri() + "/calls/" + shown + "/results"), "results page");
        }
        String csv = rest.getForObject("/api/calls/" + shown + "/results.csv", String.class);
        for (String line : csv.lines().skip(1).toList()) {
            for (String cell : line.split(",")) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(value).as("a cell of %s", line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
        assertThat(csv).contains("'=HYPERLINK(");
        tried += titles.size();
    }

    private void expectNoServerError(ResponseEntity<String> answer, String what) {
        tried++;
        assertThat(answer.getStatusCode().is5xxServerError()).as("%s: %s %s", what, answer.getStatusCode(),
                answer.getBody() == null ? "" : answer.getBody().substring(0, Math.min(300, answer.getBody().length()))).isFalse();
    }

    @org.junit.jupiter.api.AfterAll
    void atLeastAThousand() {
        assertThat(tried).as("hostile inputs tried").isGreaterThanOrEqualTo(1000);
    }

    private static void assertNotPwned(String dom, String where) {
        Assumptions.assumeTrue(dom != null);
        assertThat(dom).as("%s rendered", where).contains("</body>");
        assertThat(Pattern.compile("<body[^>]*data-pwned").matcher(dom).find()).as("a script ran on %s", where).isFalse();
    }

    private static String csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("CSRF token in the form").isTrue();
        return m.group(1);
    }
}
