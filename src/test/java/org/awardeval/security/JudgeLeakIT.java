package org.awardeval.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awardeval.call.CallService;
import org.awardeval.demo.SampleData;
import org.awardeval.documents.Documents;
import org.awardeval.process.ReviewProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.OwnJvm;
import org.awardeval.support.TestDocuments;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realistic demo applications under review; every judge asks everything a judge can ask: the engine's REST API
 * (tasks, variables, form variables, forms, comments, variable instances, history, process instances, definitions and
 * their XML, deployments, filters), Tasklist's own API with a browser session, and the application's API. No answer
 * may contain any application's organisation, contact or e-mail address; a planted leak is found.
 */
@OwnJvm
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgeLeakIT {

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired ApplicationRepository applications;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired Documents documents;
    @Autowired JdbcClient jdbc;

    long callId;
    List<String> secrets;

    @BeforeAll
    void reviewPhaseOfTheDemoApplications() {
        callId = driver.openCall("Leak test " + System.nanoTime());
        documents.defineSlots(callId, TestDocuments.SLOTS);
        int n = 0;
        for (var form : SampleData.applications()) {
            // Each report and photograph carries its applicant's people in its metadata; the text names nobody.
            TestDocuments.submit(documents, callId, form, List.of(
                    new Documents.Upload("caseReport", form.organisationName() + ".pdf", TestDocuments.pdf(List.of("Case report " + ++n,
                            "Mobile learning for teachers", "Results after a year"), form.contactName())),
                    new Documents.Upload("photographs", "launch.jpg", TestDocuments.jpegWithGps(form.contactName(), 36.8, -1.3))));
        }
        driver.runJobs();
        for (Task check : taskService.createTaskQuery().taskDefinitionKey("Task_CheckEligibility").list()) {
            driver.completeAs(CycleDriver.COORDINATOR, check.getId(), Map.of("coordinatorDecision", "ELIGIBLE",
                    "coordinatorReason", "Checked by hand"));
        }
        driver.confirmRedactions(callId);
        Task close = taskService.createTaskQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .taskDefinitionKey("Task_CloseCallEarly").singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, close.getId(), Map.of());
        driver.runJobs();
        Set<String> all = new LinkedHashSet<>();
        for (StoredApplication a : applications.byCall(callId)) {
            all.add(a.organisationName());
            all.add(a.contactName());
            all.add(a.contactEmail());
        }
        secrets = all.stream().filter(s -> s.codePointCount(0, s.length()) >= 2).toList();
    }

    @Test
    void noJudgeCanReadAnyApplicationsIdentity() {
        int judgesWithTasks = 0;
        int answers = 0;
        for (var judge : CycleDriver.JUDGES) {
            Scan scan = scan(judge.userId());
            assertThat(scan.hits()).as("leaks to %s", judge.userId()).isEmpty();
            judgesWithTasks += scan.tasks() > 0 ? 1 : 0;
            answers += scan.answers();
        }
        assertThat(judgesWithTasks).isGreaterThanOrEqualTo(8);
        assertThat(answers).as("answers read").isGreaterThan(500);
        assertThat(applications.byCall(callId)).hasSizeGreaterThanOrEqualTo(35);
    }

    @Test
    void aPlantedLeakIsFound() {
        Task review = taskService.createTaskQuery().processDefinitionKey("Review").taskAssignee("tj01").list().get(0);
        String secret = applications.byCall(callId).get(7).organisationName();
        runtimeService.setVariable(review.getProcessInstanceId(), "notes", "Planted: " + secret);
        try {
            assertThat(scan("tj01").hits()).anySatisfy(hit -> assertThat(hit).contains(secret))
                    .anySatisfy(hit -> assertThat(hit).startsWith("/camunda/api/engine/engine/default/task/"))
                    .anySatisfy(hit -> assertThat(hit).startsWith("/engine-rest/task/"));
        } finally {
            runtimeService.removeVariable(review.getProcessInstanceId(), "notes");
        }
    }

    record Scan(int tasks, int answers, List<String> hits) {
    }

    private Scan scan(String judge) {
        TestRestTemplate engine = rest.withBasicAuth(judge, CycleDriver.PASSWORD);
        Tasklist tasklist = new Tasklist(rest, judge, CycleDriver.PASSWORD);
        List<String> hits = new ArrayList<>();
        int[] answers = {0};
        Map<?, ?>[] tasks = engine.getForObject("/engine-rest/task?assignee=" + judge, Map[].class);
        List<String> paths = new ArrayList<>(List.of("/task?assignee=" + judge, "/task", "/variable-instance", "/history/variable-instance",
                "/history/detail", "/process-instance", "/history/process-instance", "/history/task", "/history/activity-instance",
                "/history/user-operation", "/history/identity-link-log", "/execution", "/process-definition", "/decision-definition",
                "/deployment", "/filter", "/task/count"));
        for (Map<?, ?> task : tasks) {
            String id = (String) task.get("id");
            String instance = (String) task.get("processInstanceId");
            paths.addAll(List.of("/task/" + id, "/task/" + id + "/variables", "/task/" + id + "/form-variables",
                    "/task/" + id + "/deployed-form", "/task/" + id + "/form", "/task/" + id + "/comment", "/task/" + id + "/identity-links",
                    "/process-instance/" + instance + "/variables", "/history/variable-instance?processInstanceId=" + instance,
                    "/process-definition/" + task.get("processDefinitionId") + "/xml"));
        }
        Map<?, ?>[] definitions = engine.getForObject("/engine-rest/process-definition", Map[].class);
        for (Map<?, ?> definition : definitions == null ? new Map<?, ?>[0] : definitions) {
            paths.add("/process-definition/" + definition.get("id") + "/xml");
        }
        for (String path : paths) {
            check(hits, answers, "/engine-rest" + path, engine.getForEntity("/engine-rest" + path, String.class));
            check(hits, answers, "/camunda/api/engine/engine/default" + path, tasklist.get("/camunda/api/engine/engine/default" + path));
        }
        for (String path : List.of("/api/calls/" + callId, "/api/calls/" + callId + "/statistics", "/api/calls/" + callId + "/audit",
                "/api/calls/" + callId + "/results", "/api/judges", "/api/panel-members")) {
            check(hits, answers, path, engine.getForEntity(path, String.class));
        }
        // Documents: those of their reviews open, cleaned; every other is refused.
        Set<String> theirs = new LinkedHashSet<>();
        for (Map<?, ?> task : tasks) {
            Object links = taskService.getVariable((String) task.get("id"), ReviewProcess.DOSSIER_DOCUMENTS);
            Matcher link = Pattern.compile("/documents/\\d+").matcher(String.valueOf(links));
            while (link.find()) {
                theirs.add(link.group());
            }
        }
        assertThat(theirs).as("documents of %s's reviews", judge).hasSize(tasks.length * 2);
        boolean foreignTried = false;
        List<Long> ids = jdbc.sql("SELECT id FROM document WHERE call_id = ? ORDER BY id").param(callId).query(Long.class).list();
        // All of their own, and a few of other applications (the rule is one; DocumentsTest tries it case by case).
        List<Long> foreign = ids.stream().filter(id -> !theirs.contains("/documents/" + id)).toList();
        List<Long> tried = new ArrayList<>(ids.stream().filter(id -> theirs.contains("/documents/" + id)).toList());
        int start = foreign.isEmpty() ? 0 : Math.floorMod(judge.hashCode(), foreign.size());
        for (int i = 0; i < Math.min(4, foreign.size()); i++) {
            tried.add(foreign.get((start + i) % foreign.size()));
        }
        for (Long id : tried) {
            String path = "/documents/" + id;
            ResponseEntity<byte[]> answer = engine.getForEntity(path, byte[].class);
            boolean mine = theirs.contains(path);
            if (mine) {
                assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
                check(hits, answers, path, ResponseEntity.ok(new String(answer.getBody(), StandardCharsets.ISO_8859_1)
                        + text(answer.getBody())));
                assertThat(engine.getForEntity(path + "/original", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            } else {
                assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            // The link in the review form opens with the judge's Tasklist session, under the same rule.
            if (mine || !foreignTried) {
                assertThat(tasklist.get(path).getStatusCode()).as("%s in Tasklist's session", path)
                        .isEqualTo(mine ? HttpStatus.OK : HttpStatus.FORBIDDEN);
                foreignTried |= !mine;
            }
        }
        // The applicants' portal knows no judge: neither their password nor their Tasklist session opens it.
        List<String> portal = new ArrayList<>(List.of("/portal", "/portal/drafts/1"));
        applications.byCall(callId).stream().limit(3).forEach(a -> portal.add("/portal/applications/" + a.code()));
        for (String path : portal) {
            check(hits, answers, path, engine.getForEntity(path, String.class));
            check(hits, answers, path, tasklist.get(path));
        }
        return new Scan(tasks.length, answers[0], hits);
    }

    /** A PDF's text and properties as a reader sees them; nothing for other files. */
    private static String text(byte[] file) {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            return new PDFTextStripper().getText(pdf) + pdf.getDocumentInformation().getMetadataKeys().stream()
                    .map(pdf.getDocumentInformation()::getCustomMetadataValue).toList();
        } catch (IOException e) {
            return "";
        }
    }

    private void check(List<String> hits, int[] answers, String path, ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().is5xxServerError()).as("%s answered %s", path, answer.getStatusCode()).isFalse();
        answers[0]++;
        String body = answer.getBody() == null ? "" : answer.getBody().toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            if (body.contains(secret.toLowerCase(Locale.ROOT))) {
                hits.add(path + " contains '" + secret + "'");
            }
        }
    }

    /** A browser session of Tasklist: its login, its cookies and its CSRF token. */
    static final class Tasklist {
        private final TestRestTemplate rest;
        private final List<String> cookies = new ArrayList<>();
        private String csrf;

        Tasklist(TestRestTemplate rest, String user, String password) {
            this.rest = rest;
            remember(rest.getForEntity("/camunda/app/tasklist/default/", String.class));
            HttpHeaders headers = headers();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            ResponseEntity<String> login = rest.exchange(URI.create(rest.getRootUri() + "/camunda/api/admin/auth/user/default/login/tasklist"),
                    HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
            assertThat(login.getStatusCode().is2xxSuccessful()).as("Tasklist login of %s: %s", user, login.getStatusCode()).isTrue();
            remember(login);
        }

        ResponseEntity<String> get(String path) {
            ResponseEntity<String> answer = rest.exchange(URI.create(rest.getRootUri() + path), HttpMethod.GET,
                    new HttpEntity<>(headers()), String.class);
            remember(answer);
            return answer;
        }

        private HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
            if (csrf != null) {
                headers.set("X-XSRF-TOKEN", csrf);
            }
            return headers;
        }

        private void remember(ResponseEntity<?> answer) {
            List<String> set = answer.getHeaders().get(HttpHeaders.SET_COOKIE);
            if (set == null) {
                return;
            }
            for (String cookie : set) {
                String pair = cookie.split(";", 2)[0];
                String name = pair.split("=", 2)[0];
                cookies.removeIf(c -> c.startsWith(name + "="));
                cookies.add(pair);
                if (name.equals("XSRF-TOKEN")) {
                    csrf = pair.split("=", 2)[1];
                }
            }
            String token = answer.getHeaders().getFirst("X-XSRF-TOKEN");
            if (token != null) {
                csrf = token;
            }
        }
    }
}
