package org.awardeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awardeval.demo.SampleData;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Judges see anonymised dossiers only: everything the engine REST API gives them about their tasks is searched for the
 * identifying strings of every application.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgeAnonymityTest {

    @Autowired InProcessCycle driver;
    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ApplicationRepository applications;
    @Autowired JdbcClient jdbc;

    long reviewCall;
    long doubtfulCall;

    @BeforeAll
    void reviewPhaseWithOneOpenEligibilityCheck() {
        reviewCall = driver.openCall("Anonymity review phase");
        SampleData.sixEligible("an").forEach(form -> driver.submit(reviewCall, form));
        driver.confirmRedactions(reviewCall);
        Task close = taskService.createTaskQuery().taskDefinitionKey("Task_CloseCallEarly")
                .processInstanceBusinessKey("call-" + reviewCall).singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, close.getId(), Map.of());
        driver.runJobs();

        doubtfulCall = driver.openCall("Anonymity eligibility check");
        driver.submit(doubtfulCall, SampleData.form("Open Learning Network an", "OTHER", "Rwanda", "MC", "Jean Habimana",
                "jean.an@oln.test", true));
    }

    @Test
    void noAnswerToAJudgeContainsAnIdentityOfAnyApplication() {
        // Every application of every call in this database, not only the ones this test submitted.
        List<String> secrets = new ArrayList<>(jdbc.sql("""
                SELECT o.name FROM organisation o UNION SELECT contact_name FROM application UNION SELECT contact_email FROM application""")
                .query(String.class).list().stream().filter(secret -> secret.length() >= 3).toList());
        assertThat(secrets).contains(applications.byCall(doubtfulCall).get(0).organisationName());
        int tasksSeen = 0;
        for (var judge : CycleDriver.JUDGES) {
            TestRestTemplate asJudge = rest.withBasicAuth(judge.userId(), CycleDriver.PASSWORD);
            ResponseEntity<Map[]> tasks = asJudge.getForEntity("/engine-rest/task?assignee=" + judge.userId(), Map[].class);
            assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
            for (Map<?, ?> task : tasks.getBody()) {
                String id = (String) task.get("id");
                tasksSeen++;
                for (String path : List.of("/engine-rest/task/" + id, "/engine-rest/task/" + id + "/variables",
                        "/engine-rest/task/" + id + "/form-variables", "/engine-rest/task/" + id + "/deployed-form",
                        "/engine-rest/task/" + id + "/comment")) {
                    ResponseEntity<String> answer = asJudge.getForEntity(path, String.class);
                    boolean optional = path.endsWith("/comment");
                    assertThat(answer.getStatusCode().is2xxSuccessful() || optional && answer.getStatusCode().is4xxClientError())
                            .as("%s as %s: %s", path, judge.userId(), answer.getStatusCode()).isTrue();
                    assertNoSecret(answer.getBody(), secrets, path);
                }
                String processInstanceId = (String) task.get("processInstanceId");
                ResponseEntity<String> review = asJudge.getForEntity("/engine-rest/task/" + id + "/variables", String.class);
                // A review holds the anonymised dossier; a reconsider task the reviews by judge code and the anonymised title.
                assertThat(review.getBody()).contains("Task_Reconsider".equals(task.get("taskDefinitionKey")) ? "otherReviews"
                        : "dossierDescription").contains("[organisation]");
                assertThat(processInstanceId).isNotNull();
            }
            for (String path : List.of("/engine-rest/variable-instance", "/engine-rest/history/variable-instance",
                    "/engine-rest/process-instance", "/engine-rest/history/process-instance", "/engine-rest/task")) {
                ResponseEntity<String> answer = asJudge.getForEntity(path, String.class);
                assertNoSecret(answer.getBody(), secrets, path);
            }
        }
        assertThat(tasksSeen).as("review tasks of this test's call and any other").isGreaterThanOrEqualTo(18);
    }

    @Test
    void aJudgeCannotReadTheApplicationInstance() {
        StoredApplication any = applications.byCall(reviewCall).get(0);
        String applicationInstance = applicationInstance(any);
        TestRestTemplate asJudge = rest.withBasicAuth("tj01", CycleDriver.PASSWORD);
        assertThat(asJudge.getForEntity("/engine-rest/process-instance/" + applicationInstance + "/variables", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theCoordinatorSeesTheApplicationThroughItsOwnInstance() {
        StoredApplication doubtful = applications.byCall(doubtfulCall).get(0);
        TestRestTemplate asCoordinator = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
        ResponseEntity<Map[]> tasks = asCoordinator.getForEntity(
                "/engine-rest/task?candidateGroup=coordinators&taskDefinitionKey=Task_CheckEligibility&processInstanceBusinessKey="
                        + doubtful.code(), Map[].class);
        assertThat(tasks.getBody()).hasSize(1);
        String id = (String) tasks.getBody()[0].get("id");
        for (String path : List.of("/engine-rest/task/" + id + "/variables", "/engine-rest/task/" + id + "/form-variables")) {
            String body = asCoordinator.getForObject(path, String.class);
            assertThat(body).contains(doubtful.organisationName()).contains(doubtful.contactName()).contains(doubtful.contactEmail());
        }
        String instanceVariables = asCoordinator.getForObject(
                "/engine-rest/process-instance/" + applicationInstance(doubtful) + "/variables", String.class);
        assertThat(instanceVariables).contains(doubtful.organisationName());
    }

    private String applicationInstance(StoredApplication application) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(application.code()).singleResult().getId();
    }

    private static void assertNoSecret(String body, List<String> secrets, String path) {
        if (body == null) {
            return;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            assertThat(lower).as("%s leaks '%s'", path, secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
    }
}
