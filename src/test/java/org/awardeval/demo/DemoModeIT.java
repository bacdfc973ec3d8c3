package org.awardeval.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.submission.SubmissionService;
import org.awardeval.support.OwnJvm;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * What mvn spring-boot:run gives: the demo cycle with its job executor running, Tasklist served, and a demo judge who
 * finds review tasks once the demo coordinator has closed the call.
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:demo-mode-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
class DemoModeIT {

    @Autowired TestRestTemplate rest;
    @Autowired CallRepository calls;
    @Autowired ApplicationRepository applications;
    @Autowired CallService callService;
    @Autowired SubmissionService submissions;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired DemoSeeder seeder;

    @Test
    void aDemoJudgeFindsReviewTasksAfterTheCoordinatorClosesTheCall() throws InterruptedException {
        long callId = calls.findIdByName(DemoSeeder.DEMO_CALL).orElseThrow();
        List<StoredApplication> demo = applications.byCall(callId);
        assertThat(demo).hasSizeBetween(35, 45);
        assertThat(demo.stream().map(StoredApplication::categoryCode).distinct()).containsExactlyInAnyOrder("MC", "NC", "SC", "IU");
        assertThat(rest.getForEntity("/camunda/app/tasklist/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        TestRestTemplate judge = rest.withBasicAuth("judge01", SampleData.PASSWORD);
        assertThat(judge.getForObject("/engine-rest/task?assignee=judge01", Map[].class)).isEmpty();

        TestRestTemplate coordinator = rest.withBasicAuth("coordinator", SampleData.PASSWORD);
        Map<?, ?>[] close = coordinator.getForObject("/engine-rest/task?taskDefinitionKey=Task_CloseCallEarly&candidateGroup=coordinators",
                Map[].class);
        assertThat(close).hasSize(1);
        // The last dossiers wait for the coordinator's redaction check; the cycle waits for them.
        Map<?, ?>[] checks = coordinator.getForObject("/engine-rest/task?taskDefinitionKey=Task_CheckRedaction&candidateGroup=coordinators",
                Map[].class);
        assertThat(checks).hasSize(3);
        // One demo case report names its organisation: releasing it is refused until the coordinator withholds it.
        int naming = 0;
        for (Map<?, ?> check : checks) {
            String complete = "/engine-rest/task/" + check.get("id") + "/complete";
            ResponseEntity<String> released = coordinator.postForEntity(complete, Map.of("variables", Map.of()), String.class);
            if (released.getStatusCode() == HttpStatus.BAD_REQUEST) {
                assertThat(released.getBody()).contains("Case report (case-report.pdf) still names the applicant");
                naming++;
                released = coordinator.postForEntity(complete, Map.of("variables", Map.of("withholdNamingDocuments", Map.of("value", true))),
                        String.class);
            }
            assertThat(released.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(naming).isEqualTo(1);
        awaitTrue(() -> !applications.anyByCallAndStatus(callId, ApplicationStatus.UNSETTLED), Duration.ofSeconds(60));
        ResponseEntity<String> completed = coordinator.postForEntity("/engine-rest/task/" + close[0].get("id") + "/complete",
                Map.of("variables", Map.of()), String.class);
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        awaitTrue(() -> judge.getForObject("/engine-rest/task?assignee=judge01", Map[].class).length > 0, Duration.ofSeconds(90));
        // Tasklist lists tasks through the judge's filter.
        Map<?, ?>[] filters = judge.getForObject("/engine-rest/filter?resourceType=Task", Map[].class);
        Map<?, ?> myReviews = List.of(filters).stream().filter(f -> "My reviews".equals(f.get("name"))).findFirst().orElseThrow();
        Map<?, ?>[] listed = judge.getForObject("/engine-rest/filter/" + myReviews.get("id") + "/list", Map[].class);
        assertThat(listed).isNotEmpty().allSatisfy(task -> assertThat((String) task.get("name")).startsWith("Review PA25-"));
    }

    @Test
    void theSeederReleasesOnlyTheDemoCallsRedactionChecks() throws InterruptedException {
        OffsetDateTime now = OffsetDateTime.now();
        long other = callService.open(new CallRequest("Another call beside the demo", null, "AB", now.plusDays(30), now.plusDays(60), 3, 3,
                "chair"));
        try {
            submissions.submit(other, SampleData.applications().get(0));
            Supplier<List<Task>> otherChecks = () -> taskService.createTaskQuery()
                    .taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION)
                    .processVariableValueEquals(ApplicationProcess.CALL_ID, other).list();
            awaitTrue(() -> otherChecks.get().size() == 1, Duration.ofSeconds(60));

            seeder.releaseRedactionChecks(calls.findIdByName(DemoSeeder.DEMO_CALL).orElseThrow());

            assertThat(otherChecks.get()).hasSize(1);
            assertThat(applications.byCall(other)).extracting(StoredApplication::status).containsExactly(ApplicationStatus.ELIGIBLE);
        } finally {
            // The demo's own test counts the coordinators' tasks: this call leaves none behind.
            runtimeService.createProcessInstanceQuery().variableValueEquals(ApplicationProcess.CALL_ID, other).list()
                    .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test done"));
        }
    }

    private static void awaitTrue(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(250);
        }
    }
}
