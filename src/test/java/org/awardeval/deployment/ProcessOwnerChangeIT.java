package org.awardeval.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.awardeval.demo.SampleData;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.OwnJvm;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A process owner changes a copy of the processes in the server's folder while the application runs: a broken save
 * is refused and says why, a good one passes the checks, waits for a coordinator's approval, is deployed at once when
 * approved and the next cycle follows it, with no Java change and no restart.
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProcessOwnerChangeIT {

    static final Path FOLDER = copyOfProcesses();
    static final String OWNER = "owner";

    @DynamicPropertySource
    static void processes(DynamicPropertyRegistry registry) {
        registry.add("award.processes-dir", FOLDER::toString);
        registry.add("award.processes-watch-delay", () -> "PT0.3S");
    }

    @Autowired ProcessDeployer deployer;
    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired InProcessCycle driver;
    @Autowired AccessSetup access;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    void aSavedChangeIsDeployedWithoutARestartAndTheNextCycleFollowsIt() throws Exception {
        access.ensureUser(OWNER, "Petra", "Owner", "owner@test", CycleDriver.PASSWORD, Groups.PROCESS_OWNERS);
        driver.ensureUsers();
        assertThat(latestVersion("AwardCycle")).isOne();
        Path cycleFile = FOLDER.resolve("award-cycle.bpmn");
        String original = Files.readString(cycleFile);

        // A save with a flow to nowhere: nothing is deployed, the reason names the file and the element.
        Files.writeString(cycleFile, original.replace("targetRef=\"Task_Announce\"", "targetRef=\"Task_Missing\""));
        await(() -> deployer.status().map(s -> s.error() != null).orElse(false));
        assertThat(latestVersion("AwardCycle")).isOne();
        // Deploying the server's folder at once is for coordinators; a process owner proposes changes for approval.
        assertThat(rest.withBasicAuth(OWNER, CycleDriver.PASSWORD).postForEntity("/api/processes/deploy", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> refused = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD)
                .postForEntity("/api/processes/deploy", null, Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").toString()).contains("field=award-cycle.bpmn", "Task_Missing");
        assertThat(rest.withBasicAuth(CycleDriver.judges().get(0), CycleDriver.PASSWORD)
                .postForEntity("/api/processes/deploy", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.postForEntity("/api/processes/deploy", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        // The process owner's change: a coordinator signs off the results before they are announced, with a form of its own.
        Files.writeString(FOLDER.resolve("forms").resolve("sign-off.form"), SIGN_OFF_FORM);
        Files.writeString(cycleFile, withSignOff(original));
        // It waits for a coordinator's approval, who reads what changes; only then is it deployed.
        await(() -> approvalOf("Task_SignOffResults") != null);
        assertThat(latestVersion("AwardCycle")).isOne();
        Task approval = approvalOf("Task_SignOffResults");
        assertThat(approval.getName()).isEqualTo("Approve the change to the processes proposed by processes folder");
        driver.completeAs(CycleDriver.COORDINATOR, approval.getId(), Map.of("decision", "APPROVE"));
        await(() -> latestVersion("AwardCycle") == 2);
        assertThat(deployer.status().orElseThrow().error()).isNull();
        Map<?, ?> status = rest.withBasicAuth(OWNER, CycleDriver.PASSWORD).getForObject("/api/processes", Map.class);
        assertThat(status.get("latest").toString()).contains("error=null");

        long callId = driver.openCall("Changed cycle");
        SampleData.sixEligible("chg").forEach(form -> driver.submit(callId, form));
        driver.runToAnnouncement(callId);
        Task signOff = taskService.createTaskQuery().taskDefinitionKey("Task_SignOffResults").singleResult();
        assertThat(signOff.getName()).isEqualTo("Sign off the results of Changed cycle");
        assertThat(results(callId)).isZero();
        assertThat(callStatus(callId)).isEqualTo("CLOSED");

        driver.completeAs(CycleDriver.COORDINATOR, signOff.getId(), Map.of("signedOff", true));
        driver.runJobs();
        assertThat(callStatus(callId)).isEqualTo("ANNOUNCED");
        assertThat(results(callId)).isEqualTo(6);
    }

    static String withSignOff(String cycle) {
        return cycle
                .replace("<bpmn:sequenceFlow id=\"Flow_16\" sourceRef=\"Task_RecordDecision\" targetRef=\"Task_Announce\" />",
                        "<bpmn:sequenceFlow id=\"Flow_16\" sourceRef=\"Task_RecordDecision\" targetRef=\"Task_SignOffResults\" />\n"
                        + "    <bpmn:sequenceFlow id=\"Flow_SignedOff\" sourceRef=\"Task_SignOffResults\" targetRef=\"Task_Announce\" />\n"
                        + "    <bpmn:userTask id=\"Task_SignOffResults\" name=\"Sign off the results of ${callName}\""
                        + " camunda:formRef=\"sign-off\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"coordinators\" />");
    }

    static final String SIGN_OFF_FORM = """
            {
              "components": [
                {"type": "text", "text": "# Sign off the results of {{callName}}", "id": "Field_001"},
                {"type": "checkbox", "key": "signedOff", "label": "The results are ready to be announced", "validate": {"required": true}, "id": "Field_002"}
              ],
              "type": "default", "id": "sign-off", "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0", "schemaVersion": 16
            }
            """;

    /** The waiting approval whose change mentions the text; older proposals of the same saves are superseded. */
    private Task approvalOf(String text) {
        return taskService.createTaskQuery().processDefinitionKey("ProcessChangeApproval").list().stream()
                .filter(t -> String.valueOf(taskService.getVariable(t.getId(), "changeSummary")).contains(text)).findFirst().orElse(null);
    }

    private long results(long callId) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox n JOIN application a ON a.id = n.application_id WHERE a.call_id = ? AND n.kind = 'RESULT'")
                .param(callId).query(Long.class).single();
    }

    private String callStatus(long callId) {
        return jdbc.sql("SELECT status FROM award_call WHERE id = ?").param(callId).query(String.class).single();
    }

    private int latestVersion(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the processes folder to be deployed").isLessThan(end);
            Thread.sleep(100);
        }
    }

    private static Path copyOfProcesses() {
        try {
            Path target = Files.createTempDirectory("processes-copy");
            Path source = Path.of("processes");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
