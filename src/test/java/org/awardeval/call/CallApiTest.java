package org.awardeval.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Opening a call through the API, with its categories, rubric and time zone, and extending its deadline. */
@H2Test
class CallApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired CallRepository calls;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @BeforeEach
    void users() {
        driver.ensureUsers();
    }

    private TestRestTemplate coordinator() {
        return rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
    }

    @Test
    void aCoordinatorOpensACallWithItsOwnCategoriesRubricAndTimeZone() {
        OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(20).withNano(0);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("callName", "API call " + System.nanoTime(), "theme", "Digital futures",
                "codePrefix", "AP26", "submissionDeadline", deadline.toString(), "reviewDeadline", deadline.plusDays(30).toString(),
                "reviewsPerApplication", 2, "winnersPerCategory", 1, "chairUserId", CycleDriver.CHAIR, "timeZone", "Asia/Singapore"));
        body.put("categories", List.of(Map.of("code", "AI", "name", "AI in teaching", "description", "Generative AI in courses",
                "winners", 3, "shortlist", 5), Map.of("code", "OE", "name", "Open education")));
        body.put("rubric", Map.of("innovation", 2, "equity", 0.5));
        body.put("allowedOrganisationTypes", List.of("HEI", "NATIONAL_CENTRE"));
        body.put("shortlistPerCategory", 4);
        body.put("summaryWords", 150);
        body.put("descriptionWords", 1500);
        ResponseEntity<Map> created = coordinator().postForEntity("/api/calls", body, Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long callId = ((Number) created.getBody().get("callId")).longValue();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/calls/" + callId);
        assertThat((String) created.getBody().get("submissionDeadlineText")).contains("Asia/Singapore (UTC+08:00)");

        AwardCall call = calls.get(callId);
        assertThat(call.submissionDeadline().toInstant()).isEqualTo(deadline.toInstant());
        assertThat(call.allowedOrganisationTypes()).containsExactlyInAnyOrder("HEI", "NATIONAL_CENTRE");
        assertThat(call.winnersPerCategory()).isEqualTo(1);
        assertThat(call.shortlistPerCategory()).isEqualTo(4);
        assertThat(call.summaryWords()).isEqualTo(150);
        assertThat(call.descriptionWords()).isEqualTo(1500);
        assertThat(calls.categories(callId)).extracting(Category::code).containsExactly("AI", "OE");
        // AI awards its own 3 of a shortlist of 5; OE the call's 1 of 4.
        Quotas quotas = calls.quotas(callId);
        assertThat(List.of(quotas.winners("AI"), quotas.shortlist("AI"), quotas.winners("OE"), quotas.shortlist("OE")))
                .containsExactly(3, 5, 1, 4);
        assertThat(calls.rubric(callId)).containsEntry("innovation", new java.math.BigDecimal("2.000"))
                .containsEntry("equity", new java.math.BigDecimal("0.500")).containsEntry("impact", new java.math.BigDecimal("1.000"));

        Map<?, ?> publicView = rest.getForObject("/api/calls/" + callId, Map.class);
        assertThat(publicView.get("status")).isEqualTo("OPEN");
    }

    @Test
    void invalidCallsAreRefusedFieldByFieldAndOnlyCoordinatorsMayOpenOne() {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("callName", "", "codePrefix", "x", "submissionDeadline",
                "2020-01-01T00:00:00Z", "reviewDeadline", "2019-01-01T00:00:00Z", "chairUserId", CycleDriver.CHAIR, "timeZone",
                "Mars/Olympus", "categories", List.of(Map.of("code", "A1", "name", ""), Map.of("code", "BB", "name", "Bee", "winners", 0),
                        Map.of("code", "CC", "name", "Sea", "winners", 4, "shortlist", 2)), "rubric", Map.of("luck", 3), "winnersPerCategory", 3,
                "shortlistPerCategory", 2));
        body.put("descriptionWords", 5000);
        ResponseEntity<Map> refused = coordinator().postForEntity("/api/calls", body, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).contains("callName", "codePrefix", "submissionDeadline", "reviewDeadline", "timeZone",
                "categories[0].code", "categories[0].name", "categories[1].winners", "categories[2].shortlist", "rubric.luck",
                "shortlistPerCategory", "descriptionWords");

        ResponseEntity<Map> wrongType = coordinator().postForEntity("/api/calls", Map.of("callName", "x", "submissionDeadline", "tomorrow"),
                Map.class);
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(wrongType)).containsExactly("submissionDeadline");

        assertThat(rest.postForEntity("/api/calls", body, Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("tj01", CycleDriver.PASSWORD).postForEntity("/api/calls", body, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aCoordinatorOffersLanguagesAndTranslatesTheCallsTextsThroughTheApi() {
        OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC).plusDays(20).withNano(0);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("callName", "Languages " + System.nanoTime(), "codePrefix", "LG",
                "submissionDeadline", deadline.toString(), "reviewDeadline", deadline.plusDays(30).toString(), "chairUserId",
                CycleDriver.CHAIR, "languages", List.of("fr", "ar"), "translations", Map.of("fr", Map.of("name", "Appel des langues",
                        "category.MC.name", "Compétences numériques"))));
        ResponseEntity<Map> created = coordinator().postForEntity("/api/calls", body, Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long callId = ((Number) created.getBody().get("callId")).longValue();
        Map<?, ?> publicView = rest.getForObject("/api/calls/" + callId, Map.class);
        assertThat(publicView.get("languages")).isEqualTo(List.of("ar", "en", "fr"));
        assertThat(calls.texts(callId, "fr").name().text()).isEqualTo("Appel des langues");
        assertThat(calls.texts(callId, "fr").category("MC").text()).isEqualTo("Compétences numériques");
        assertThat(calls.texts(callId, "fr").category("NC").fallbackLanguage()).isEqualTo("en");
        assertThat(calls.texts(callId, "ar").name().fallbackLanguage()).isEqualTo("en");

        ResponseEntity<Map> arabic = put(coordinator(), "/api/calls/" + callId + "/translations/ar", Map.of("name", "دعوة اللغات",
                "document.caseReport", "تقرير الحالة"));
        assertThat(arabic.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(calls.texts(callId, "ar").name().text()).isEqualTo("دعوة اللغات");
        assertThat(calls.texts(callId, "ar").document("caseReport", "Case report").text()).isEqualTo("تقرير الحالة");

        // A language the call does not offer, a text the call does not have, an unknown language: refused, naming the field.
        assertThat(fields(put(coordinator(), "/api/calls/" + callId + "/translations/ru", Map.of("name", "Конкурс"))))
                .containsExactly("language");
        assertThat(fields(put(coordinator(), "/api/calls/" + callId + "/translations/fr", Map.of("category.ZZ.name", "x"))))
                .containsExactly("texts.category.ZZ.name");
        assertThat(fields(put(coordinator(), "/api/calls/" + callId + "/languages", Map.of("languages", List.of("es", "tlh")))))
                .containsExactly("languages");
        assertThat(calls.texts(callId, "fr").name().text()).isEqualTo("Appel des langues");
        assertThat(put(coordinator(), "/api/calls/" + callId + "/languages", Map.of("languages", List.of("es"))).getBody().get("languages"))
                .isEqualTo(List.of("en", "es"));
        assertThat(put(rest.withBasicAuth("tj01", CycleDriver.PASSWORD), "/api/calls/" + callId + "/translations/es",
                Map.of("name", "Convocatoria")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        body.put("callName", "Languages again " + System.nanoTime());
        body.put("translations", Map.of("zh", Map.of("name", "语言")));
        assertThat(fields(coordinator().postForEntity("/api/calls", body, Map.class))).containsExactly("translations.zh");
    }

    @Test
    void aCoordinatorTranslatesTheCallInTheStartFormsBoxes() {
        OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC).plusDays(20).withNano(0);
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("callName", Map.of("value", "Start form languages " + System.nanoTime(), "type", "String"));
        variables.put("codePrefix", Map.of("value", "SF", "type", "String"));
        variables.put("theme", Map.of("value", "Digital practice", "type", "String"));
        variables.put("submissionDeadline", Map.of("value", deadline.toString(), "type", "String"));
        variables.put("reviewDeadline", Map.of("value", deadline.plusDays(30).toString(), "type", "String"));
        variables.put("chairUserId", Map.of("value", CycleDriver.CHAIR, "type", "String"));
        // As Tasklist sends the form: the ticked languages as a JSON list, each box's lines as text.
        variables.put("languages", Map.of("value", "[\"fr\",\"es\"]", "type", "Json"));
        variables.put("texts_fr", Map.of("value", "Name: Prix du formulaire\nTheme: \nMC: Micro-certification\nXY description: ?",
                "type", "String"));
        variables.put("categoryWinners", Map.of("value", "MC 6, XY 2", "type", "String"));
        String start = "/engine-rest/process-definition/key/AwardCycle/submit-form";
        ResponseEntity<Map> refused = coordinator().postForEntity(start, Map.of("variables", variables), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("texts_fr: line 4: 'XY' is not a category of the call",
                "categoryWinners: 'XY' is not a category of the call").doesNotContain("Cannot instantiate");

        variables.put("texts_fr", Map.of("value", "Name: Prix du formulaire\nTheme: \nMC: Micro-certification\nMC description: Des micro-"
                + "certifications pour le personnel", "type", "String"));
        variables.put("texts_es", Map.of("value", "Name: Premio del formulario", "type", "String"));
        variables.put("categoryWinners", Map.of("value", "MC 6; sc: 5", "type", "String"));
        ResponseEntity<Map> started = coordinator().postForEntity(start, Map.of("variables", variables), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        long callId = calls.findIdByName((String) ((Map<?, ?>) variables.get("callName")).get("value")).orElseThrow();
        assertThat(calls.get(callId).languages()).containsExactly("en", "fr", "es");
        assertThat(calls.quotas(callId).winners("MC")).isEqualTo(6);
        assertThat(calls.quotas(callId).winners("SC")).isEqualTo(5);
        assertThat(calls.quotas(callId).winners("NC")).isEqualTo(3);
        CallTexts french = calls.texts(callId, "fr");
        assertThat(french.name().text()).isEqualTo("Prix du formulaire");
        assertThat(french.category("MC").text()).isEqualTo("Micro-certification");
        // A line left empty after its colon is shown in English, marked as such.
        assertThat(french.theme().text()).isEqualTo("Digital practice");
        assertThat(french.theme().fallbackLanguage()).isEqualTo("en");
        assertThat(french.categories().get(0).description().text()).isEqualTo("Des micro-certifications pour le personnel");
        assertThat(calls.texts(callId, "es").name().text()).isEqualTo("Premio del formulario");
    }

    private static ResponseEntity<Map> put(TestRestTemplate client, String path, Object body) {
        return client.exchange(path, org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(body), Map.class);
    }

    @Test
    void theDeadlineOfAnOpenCallCanBeExtendedAndItsTimerMoves() {
        long callId = driver.openCall("Extend " + System.nanoTime());
        OffsetDateTime later = calls.get(callId).submissionDeadline().plusDays(7).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ResponseEntity<Map> extended = coordinator().postForEntity("/api/calls/" + callId + "/deadline",
                Map.of("submissionDeadline", later.toString()), Map.class);
        assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(calls.get(callId).submissionDeadline().toInstant()).isEqualTo(later.toInstant());
        String cycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(cycle).activityId("Event_SubmissionDeadline").timers().singleResult()
                .getDuedate().toInstant())
                .isEqualTo(later.toInstant());
        assertThat(taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_CloseCallEarly").singleResult().getDueDate().toInstant())
                .isEqualTo(later.toInstant());

        ResponseEntity<Map> earlier = coordinator().postForEntity("/api/calls/" + callId + "/deadline",
                Map.of("submissionDeadline", later.minusDays(1).toString()), Map.class);
        assertThat(earlier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(earlier)).containsExactly("submissionDeadline");
        assertThat(rest.getForEntity("/api/calls/999999", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(ResponseEntity<Map> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field")).toList();
    }
}
