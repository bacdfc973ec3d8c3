package org.awardeval.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.demo.SampleData;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Every channel of submission: the JSON API, the CSV import and the public form, with one validation. */
@H2Test
class SubmissionChannelsTest {

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired CallService callService;
    @Autowired ApplicationRepository applications;
    @Autowired OutboxRepository notifications;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    long callId;

    @BeforeEach
    void openCall() {
        callId = driver.openCall("Channels " + System.nanoTime());
    }

    static Map<String, Object> json(String organisation, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationName", organisation);
        body.put("organisationType", "HEI");
        body.put("country", "Kazakhstan");
        body.put("categoryCode", "MC");
        body.put("contactName", "Айгерим Сейткали");
        body.put("contactEmail", "aigerim@knpi.test");
        body.put("title", title);
        body.put("summary", "Micro-certification for 1,200 lecturers.");
        body.put("description", "A cascade through regional hubs.");
        body.put("educatorsReached", 1200);
        body.put("outcomes", "520 certified");
        body.put("partners", "Ministry of Education");
        body.put("consent", true);
        return body;
    }

    @Test
    void theJsonApiAcceptsRefusesAndNeverDuplicates() {
        ResponseEntity<Map> created = rest.postForEntity("/api/calls/" + callId + "/applications",
                json("Казахский национальный университет", "AI for lecturers"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        assertThat(reference).matches("TA-MC-\\d{3,}");
        StoredApplication stored = applications.byCall(callId).get(0);
        assertThat(stored.organisationName()).isEqualTo("Казахский национальный университет");
        assertThat(stored.contactName()).isEqualTo("Айгерим Сейткали");
        assertThat(stored.outcomes()).isEqualTo("520 certified");

        ResponseEntity<Map> again = rest.postForEntity("/api/calls/" + callId + "/applications",
                json("Казахский национальный университет", "AI for lecturers"), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("reference")).isEqualTo(reference);
        assertThat(applications.byCall(callId)).hasSize(1);

        Map<String, Object> bad = json("", "x");
        bad.put("contactEmail", "nobody");
        bad.put("organisationType", "CLUB");
        ResponseEntity<Map> refused = rest.postForEntity("/api/calls/" + callId + "/applications", bad, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactlyInAnyOrder("organisationName", "contactEmail", "organisationType");

        Map<String, Object> wrongType = json("Org", "T");
        wrongType.put("educatorsReached", "many");
        assertThat(fields(rest.postForEntity("/api/calls/" + callId + "/applications", wrongType, Map.class)))
                .containsExactly("educatorsReached");
        assertThat(rest.postForEntity("/api/calls/424242/applications", json("Org", "T"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(applications.byCall(callId)).hasSize(1);
    }

    @Test
    void aSubmissionAfterTheDeadlineIsRefusedWithTheDeadline() throws InterruptedException {
        OffsetDateTime deadline = OffsetDateTime.now().plusSeconds(4);
        long shortCall = callService.open(new CallRequest("Short call " + System.nanoTime(), null, "SH", deadline,
                deadline.plusDays(1), 3, 1, CycleDriver.CHAIR, "Africa/Nairobi", null, null, null, null, null, null));
        Thread.sleep(Math.max(0, Duration.between(OffsetDateTime.now(), deadline).toMillis()) + 500);
        ResponseEntity<Map> late = rest.postForEntity("/api/calls/" + shortCall + "/applications", json("Late College", "Late"), Map.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String message = errors(late).get(0).get("message");
        assertThat(message).contains("submission deadline").contains("Africa/Nairobi (UTC+03:00)")
                .contains(String.valueOf(deadline.atZoneSameInstant(java.time.ZoneId.of("Africa/Nairobi")).getHour()));
        assertThat(applications.byCall(shortCall)).isEmpty();
    }

    @Test
    void theCsvImportReportsEveryRowKeepsExtraColumnsAndIgnoresAReimport() {
        String csv = """
                organisation,organisation_type,country,category,contact_name,contact_email,title,summary,description,educators_reached,consent,submitted_at,region,website
                Université Numérique de Dakar,HEI,Senegal,SC,Aminata Diallo,aminata@und.test,"Smart classrooms, offline first",Low bandwidth,"Caching, recording",210,yes,,West Africa,https://und.test
                华南师范大学,HEI,China,SC,张伟,zhang@scnu.test,AI classroom analytics,Coaching cycles,Observation reports,300,yes,2025-05-01T10:00:00+08:00,East Asia,
                Bad Row Org,UNIVERSITY,Peru,SC,Lucía Quispe,not-an-email,Title,S,D,lots,maybe,,,
                Quiet Institute,HEI,Kenya,NC,Wanjiru Kamau,wanjiru@quiet.test,No consent case,S,D,10,no,,East Africa,
                جامعة النيل الرقمية,HEI,Egypt,NC,أحمد فتحي,ahmed@nile.test,مراكز وطنية للتعليم الرقمي,ملخص,وصف,50,yes,,North Africa,
                """;
        ResponseEntity<Map> report = importCsv(csv);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> body = report.getBody();
        assertThat(body.get("rows")).isEqualTo(5);
        assertThat(body.get("accepted")).isEqualTo(4);
        assertThat(body.get("rejected")).isEqualTo(1);
        assertThat((List<String>) body.get("extraColumns")).containsExactly("region", "website");
        List<Map<String, Object>> results = (List<Map<String, Object>>) body.get("results");
        assertThat(results.get(0)).containsEntry("status", "ACCEPTED").containsEntry("row", 2);
        assertThat((Map<String, String>) results.get(0).get("extraFacts")).containsEntry("region", "West Africa");
        assertThat(((List<Map<String, String>>) results.get(2).get("errors"))).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("educators_reached", "consent");
        assertThat(applications.byCall(callId)).hasSize(4)
                .anySatisfy(a -> assertThat(a.contactName() + a.organisationName()).isEqualTo("أحمد فتحي" + "جامعة النيل الرقمية"));
        driver.runJobs();
        assertThat(notifications.byCall(callId)).singleElement().satisfies(n -> assertThat(n.recipient()).isEqualTo("wanjiru@quiet.test"));

        ResponseEntity<Map> reimport = importCsv(csv);
        assertThat(reimport.getBody().get("alreadyImported")).isEqualTo(4);
        assertThat(reimport.getBody().get("accepted")).isEqualTo(0);
        assertThat(applications.byCall(callId)).hasSize(4);
    }

    @Test
    void anImportAfterTheDeadlineIsRecordedAndJudgedByTheRulesUntilTheReviewsAreAssigned() {
        long late = driver.openCall("Received elsewhere " + System.nanoTime());
        SampleData.sixEligible("rx").forEach(form -> driver.submit(late, form));
        driver.runJobs();
        driver.closeCall(late);
        // The deadline has passed: the office now enters what reached it by e-mail and on paper.
        jdbc.sql("UPDATE award_call SET submission_deadline = ? WHERE id = ?").params(OffsetDateTime.now().minusDays(1), late).update();
        String onTime = OffsetDateTime.now().minusDays(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String csv = String.join(",", CsvImporter.COLUMNS) + "\n"
                + "Lakeside University rc,HEI,Ghana,MC,Amina Mensah,amina@rc.test,Posted in time,S,D,10,yes," + onTime + "\n"
                + "Harbour College rc,HEI,Ghana,MC,Kofi Owusu,kofi@rc.test,Handed in today,S,D,10,yes,\n"
                + "Hill Institute rc,HEI,Ghana,OE,Ama Boateng,ama@rc.test,Open education,S,D,10,yes," + onTime + "\n";
        ResponseEntity<Map> report = importCsv(late, csv);
        assertThat(report.getBody().get("accepted")).isEqualTo(3);
        driver.runJobs();
        Map<String, ApplicationRepository.EligibilityDecision> decisions = applications.eligibilityByCode(late);
        assertThat(applications.byCall(late)).hasSize(9).filteredOn(a -> a.organisationName().endsWith(" rc"))
                .hasSize(3).allSatisfy(a -> {
            ApplicationRepository.EligibilityDecision decision = decisions.get(a.code());
            switch (a.title()) {
                case "Posted in time" -> assertThat(decision.status()).isEqualTo("ELIGIBLE");
                case "Handed in today" -> assertThat(decision.rule()).isEqualTo("LATE");
                default -> assertThat(decision.rule()).isEqualTo("UNKNOWN_CATEGORY");
            }
        });
        assertThat(applications.byCall(late)).filteredOn(a -> a.title().equals("Posted in time")).singleElement()
                .satisfies(a -> assertThat(a.submittedAt().toInstant()).isEqualTo(OffsetDateTime.parse(onTime).toInstant()));

        // Once every application has settled and the reviews are assigned, nothing more comes in.
        driver.confirmRedactions(late);
        driver.runJobs();
        assertThat(jdbc.sql("SELECT applications_settled_at IS NOT NULL FROM award_call WHERE id = ?").param(late).query(Boolean.class)
                .single()).isTrue();
        ResponseEntity<Map> after = importCsv(late, String.join(",", CsvImporter.COLUMNS) + "\n"
                + "River University rc,HEI,Ghana,MC,Esi Mensah,esi@rc.test,Too late for the reviews,S,D,10,yes," + onTime + "\n");
        assertThat(after.getBody().get("rejected")).isEqualTo(1);
        assertThat(after.getBody().toString()).contains("have been assigned: it takes no more applications");
        assertThat(applications.byCall(late)).hasSize(9);
    }

    @Test
    void textsAreCountedInWordsAsTheCallSetsThem() {
        OffsetDateTime now = OffsetDateTime.now();
        long shortTexts = callService.open(new CallService.CallRequest("Short texts " + System.nanoTime(), null, "ST", now.plusDays(5),
                now.plusDays(10), 3, 1, CycleDriver.CHAIR, null, null, null, null, null, null, null, 40, 200));
        String words201 = String.join(" ", java.util.Collections.nCopies(201, "word"));
        Map<String, Object> tooLong = json("Short University", "Too long a description");
        tooLong.put("description", words201);
        ResponseEntity<Map> refused = rest.postForEntity("/api/calls/" + shortTexts + "/applications", tooLong, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("description");
            assertThat(e.get("message")).isEqualTo("has 201 words; at most 200 are allowed");
        });
        // The public form says so with the field's label, and its hint gives the call's limit.
        assertThat(rest.getForObject("/calls/" + shortTexts + "/apply", String.class)).contains("Up to 200 words", "Up to 40 words");

        // A usual case description of 1,900 words is taken by a call with the default limits, whatever its characters.
        String words1900 = String.join(" ", java.util.Collections.nCopies(1900, "teachers"));
        assertThat(words1900.length()).isGreaterThan(15_000);
        Map<String, Object> usual = json("Usual University", "A usual description");
        usual.put("description", words1900);
        assertThat(rest.postForEntity("/api/calls/" + callId + "/applications", usual, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theCsvImportRefusesBrokenFilesWholeAndIsForCoordinatorsOnly() {
        ResponseEntity<Map> missing = importCsv("organisation,country\nX,Y\n");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(missing)).containsExactly("header");
        ResponseEntity<Map> quoting = importCsv(String.join(",", CsvImporter.COLUMNS) + "\n\"Open quote,HEI,X,SC,A,a@b.test,T,S,D,1,yes,\n");
        assertThat(quoting.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map> invalidUtf8 = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD).postForEntity(
                "/api/calls/" + callId + "/applications/import", new HttpEntity<>(new byte[] {'o', (byte) 0xC3, (byte) 0x28}, headers), Map.class);
        assertThat(fields(invalidUtf8)).containsExactly("body");
        assertThat(rest.withBasicAuth("tj01", CycleDriver.PASSWORD).postForEntity("/api/calls/" + callId + "/applications/import",
                new HttpEntity<>("x", headers), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(applications.byCall(callId)).isEmpty();
    }

    @Test
    void theDuplicateRuleMakesASecondSubmissionOfTheSameCaseIneligible() {
        rest.postForEntity("/api/calls/" + callId + "/applications", json("Steppe Institute", "Cascading AI micro-certification"), Map.class);
        Map<String, Object> second = json("Steppe Institute", "Cascading AI micro-certifications!");
        second.put("contactEmail", "other@steppe.test");
        String reference = (String) rest.postForEntity("/api/calls/" + callId + "/applications", second, Map.class).getBody().get("reference");
        StoredApplication duplicate = applications.byCall(callId).stream().filter(a -> a.code().equals(reference)).findFirst().orElseThrow();
        assertThat(duplicate.status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(duplicate.eligibilityReason()).contains("already submitted").contains(applications.byCall(callId).get(0).code());
    }

    @Test
    void anOrganisationTypeTheCallDoesNotAllowIsIneligibleWithItsRule() {
        OffsetDateTime now = OffsetDateTime.now();
        long heiOnly = callService.open(new CallRequest("HEIs only " + System.nanoTime(), null, "HO", now.plusDays(3), now.plusDays(9), 3,
                1, CycleDriver.CHAIR, null, null, null, List.of("HEI"), null, null, null));
        Map<String, Object> enterprise = json("CloudBridge Learning", "Cloud courses");
        enterprise.put("organisationType", "ENTERPRISE");
        assertThat(rest.postForEntity("/api/calls/" + heiOnly + "/applications", enterprise, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        StoredApplication stored = applications.byCall(heiOnly).get(0);
        assertThat(stored.status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(stored.eligibilityReason()).contains("does not accept applications from this type");
        assertThat(rest.getForObject("/calls/" + heiOnly + "/apply", String.class)).contains("value=\"HEI\"").doesNotContain("value=\"ENTERPRISE\"");
    }

    @Test
    void statisticsCountOrganisationsAndCountriesDistinct() {
        String csv = String.join(",", CsvImporter.COLUMNS) + "\n"
                + "Alpha University,HEI,Ghana,MC,Ama Owusu,a1@alpha.test,Alpha one,S,D,1,yes,\n"
                + "Alpha University,HEI,Ghana,SC,Ama Owusu,a1@alpha.test,Alpha smart rooms,S,D,1,yes,\n"
                + "Alpha University,HEI,Ghana,IU,Ama Owusu,a1@alpha.test,Alpha industry,S,D,1,yes,\n"
                + "Beta Tech,ENTERPRISE,Ghana,IU,Kofi Boateng,b@beta.test,Beta partnership,S,D,1,yes,\n"
                + "Beta Tech,ENTERPRISE,Ghana,MC,Kofi Boateng,b@beta.test,Beta courses,S,D,1,no,\n"
                + "Gamma Centre,NATIONAL_CENTRE,Togo,NC,Kossi Agbeko,g@gamma.test,Gamma network,S,D,1,yes,\n";
        assertThat(importCsv(csv).getBody().get("accepted")).isEqualTo(6);
        Map<?, ?> stats = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD)
                .getForObject("/api/calls/" + callId + "/statistics", Map.class);
        assertThat(stats.get("applications")).isEqualTo(6);
        assertThat(stats.get("distinctOrganisations")).isEqualTo(3);
        assertThat(stats.get("distinctCountries")).isEqualTo(2);
        assertThat((Map<String, Integer>) stats.get("byOrganisationType")).containsEntry("HEI", 3).containsEntry("ENTERPRISE", 2);
        assertThat((Map<String, Integer>) stats.get("distinctOrganisationsByType")).containsEntry("HEI", 1).containsEntry("ENTERPRISE", 1)
                .containsEntry("NATIONAL_CENTRE", 1);
        assertThat((Map<String, Integer>) stats.get("byCountry")).containsEntry("Ghana", 5).containsEntry("Togo", 1);
        assertThat((Map<String, Integer>) stats.get("byCategory")).containsEntry("IU", 2).containsEntry("MC", 2);
        assertThat((Map<String, Integer>) stats.get("byStatus")).containsEntry("INELIGIBLE", 1).containsEntry("ELIGIBLE", 5);
        assertThat(rest.withBasicAuth("tj01", CycleDriver.PASSWORD).getForEntity("/api/calls/" + callId + "/statistics", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void thePublicFormReadsTheSameOnceItsExpressionsAreCompiled() {
        String first = withoutToken(rest.getForObject("/calls/" + callId + "/apply", String.class));
        assertThat(first).contains("<label for=\"organisationName\">", "Micro-certification");
        for (int view = 0; view < 110; view++) {
            rest.getForObject("/calls/" + callId + "/apply", String.class);
        }
        assertThat(withoutToken(rest.getForObject("/calls/" + callId + "/apply", String.class))).isEqualTo(first);
    }

    /** A page without its session's CSRF token, which differs from view to view. */
    private static String withoutToken(String page) {
        return page.replace(csrfToken(page), "token");
    }

    @Test
    void thePublicFormShowsErrorsNextToTheFieldsThenAReference() {
        ResponseEntity<String> page = rest.getForEntity("/calls/" + callId + "/apply", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<label for=\"organisationName\">", "Micro-certification");
        String csrf = csrfToken(page.getBody());
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf);
        form.add("organisationName", "Andes <b>Polytechnic</b>");
        form.add("contactEmail", "lucia-at-apu");
        ResponseEntity<String> invalid = postForm(form, cookie);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(invalid.getBody()).contains(
                "id=\"contactEmail-error\">E-mail of the contact person: \u201clucia-at-apu\u201d is not an e-mail address.</p>",
                "id=\"organisationName-error\">Name of the organisation must not contain markup", "aria-invalid=\"true\"",
                "value=\"Andes &lt;b&gt;Polytechnic&lt;/b&gt;\"").doesNotContain("<b>Polytechnic</b>");

        form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrfToken(invalid.getBody()));
        Map.of("organisationName", "Andes Polytechnic", "organisationType", "HEI", "country", "Peru", "categoryCode", "SC",
                "contactName", "Lucía Quispe", "contactEmail", "lucia@apu.test", "title", "Remote labs <live>", "summary", "Labs",
                "description", "Weekly joint labs", "consent", "on").forEach(form::add);
        // The client follows the redirect (post, redirect, get) to the confirmation page.
        ResponseEntity<String> done = postForm(form, cookie);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).contains("Application received").containsPattern("Your reference number is</span> <strong class=\"reference\">TA-SC-\\d+</strong>");
        assertThat(applications.byCall(callId)).singleElement().satisfies(a -> assertThat(a.title()).isEqualTo("Remote labs <live>"));

        form.set("_csrf", "forged");
        assertThat(postForm(form, cookie).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> postForm(MultiValueMap<String, String> form, String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        return rest.postForEntity("/calls/" + callId + "/apply", new HttpEntity<>(form, headers), String.class);
    }

    private static String csrfToken(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("CSRF token in the form").isTrue();
        return m.group(1);
    }

    private ResponseEntity<Map> importCsv(String csv) {
        return importCsv(callId, csv);
    }

    private ResponseEntity<Map> importCsv(long call, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        return rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD).postForEntity(
                "/api/calls/" + call + "/applications/import", new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, String>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, String>>) response.getBody().get("errors");
    }

    static List<String> fields(ResponseEntity<Map> response) {
        return errors(response).stream().map(e -> e.get("field")).toList();
    }
}
