package org.awardeval.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.awardeval.engine.DeploymentCheckTest;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Deploying is privileged: a process owner cannot deploy through the engine REST API, a deployment that runs code is
 * refused whoever sends it, and a process owner's change is deployed only after a coordinator saw it and approved it.
 */
@H2Test
class ProcessChangeTest {

    static final String OWNER = "pcowner";
    static final String COORDINATING_OWNER = "pccoord";

    @Autowired TestRestTemplate rest;
    @Autowired AccessSetup access;
    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired InProcessCycle driver;

    @Test
    void theEscalationThroughADeploymentIsRefusedOnEveryPath() {
        access.ensureUser(OWNER, "Petra", "Owner", "pcowner@test", CycleDriver.PASSWORD, Groups.PROCESS_OWNERS);
        byte[] escalation = DeploymentCheckTest.bpmn("<bpmn:startEvent id=\"Start\"/><bpmn:serviceTask id=\"Task_Escalate\" camunda:expression=\""
                + DeploymentCheckTest.ESCALATION + "\"/>");
        long deployments = repositoryService.createDeploymentQuery().count();

        ResponseEntity<String> engine = deploy(OWNER, CycleDriver.PASSWORD, escalation);
        assertThat(engine.getStatusCode().value()).as(engine.getBody()).isEqualTo(400);
        // Even a harmless process: deploying is not a process owner's to do without approval.
        ResponseEntity<String> harmless = deploy(OWNER, CycleDriver.PASSWORD, DeploymentCheckTest.bpmn("<bpmn:startEvent id=\"Start\"/>"));
        assertThat(harmless.getStatusCode().value()).as(harmless.getBody()).isEqualTo(403);
        ResponseEntity<String> admin = deploy("admin", "test-admin", escalation);
        assertThat(admin.getStatusCode().value()).as(admin.getBody()).isEqualTo(400);
        assertThat(admin.getBody()).contains("owner.bpmn: line ").contains("Task_Escalate").contains("getProcessEngineServices");
        ResponseEntity<Map> proposal = propose(OWNER, Map.of("owner.bpmn", escalation));
        assertThat(proposal.getStatusCode().value()).isEqualTo(400);
        assertThat(proposal.getBody().get("errors").toString()).contains("owner.bpmn").contains("Task_Escalate");

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(identityService.createUserQuery().userId(OWNER).memberOfGroup(Groups.ADMINS).count()).isZero();
    }

    @Test
    void aChangeThatRenamesWhatTheApplicationUsesIsRefusedWithTheFileAndTheName() {
        access.ensureUser(OWNER, "Petra", "Owner", "pcowner@test", CycleDriver.PASSWORD, Groups.PROCESS_OWNERS);
        SortedMap<String, byte[]> files = new TreeMap<>(ProcessDeployer.readDirectory(Path.of("processes")));
        String application = new String(files.get("application.bpmn"), StandardCharsets.UTF_8);
        files.put("application.bpmn", application.replace("\"Task_CheckRedaction\"", "\"Task_RedactionCheck\"")
                .getBytes(StandardCharsets.UTF_8));
        int version = latestReviewVersion();

        ResponseEntity<Map> proposed = propose(OWNER, files);

        assertThat(proposed.getStatusCode().value()).as(String.valueOf(proposed.getBody())).isEqualTo(400);
        assertThat(proposed.getBody().get("errors").toString()).contains("application.bpmn")
                .contains("no element with the id Task_CheckRedaction");
        assertThat(latestReviewVersion()).isEqualTo(version);
    }

    @Test
    void aProcessOwnersChangeIsDeployedOnceACoordinatorApprovesIt() {
        access.ensureUser(OWNER, "Petra", "Owner", "pcowner@test", CycleDriver.PASSWORD, Groups.PROCESS_OWNERS);
        driver.ensureUsers();
        SortedMap<String, byte[]> files = new TreeMap<>(ProcessDeployer.readDirectory(Path.of("processes")));
        String review = new String(files.get("review.bpmn"), StandardCharsets.UTF_8);
        String renamed = "Read the anonymised dossier (change " + System.nanoTime() + ") of";
        files.put("review.bpmn", review.replace("Read the anonymised dossier of", renamed).getBytes(StandardCharsets.UTF_8));
        int version = latestReviewVersion();

        ResponseEntity<Map> proposed = propose(OWNER, files);
        assertThat(proposed.getStatusCode().value()).as(String.valueOf(proposed.getBody())).isEqualTo(201);
        assertThat(proposed.getBody().get("status")).isEqualTo("PENDING");
        assertThat(proposed.getBody().get("summary").toString()).startsWith("changed: review.bpmn").contains("+").contains(renamed);
        assertThat(latestReviewVersion()).as("nothing deployed before approval").isEqualTo(version);
        long id = ((Number) proposed.getBody().get("id")).longValue();
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey("process-change-" + id).singleResult();
        assertThat(approval.getName()).isEqualTo("Approve the change to the processes proposed by " + OWNER);

        // The process owner cannot approve it.
        assertThat(submit(OWNER, approval.getId(), "APPROVE").getStatusCode().value()).isIn(403, 404);
        ResponseEntity<String> approved = submit(CycleDriver.COORDINATOR, approval.getId(), "APPROVE");
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(204);
        assertThat(latestReviewVersion()).isEqualTo(version + 1);
        assertThat(rest.withBasicAuth(OWNER, CycleDriver.PASSWORD).getForObject("/api/processes/changes/" + id, Map.class).get("status"))
                .isEqualTo("DEPLOYED");

        // Its author, even a coordinator, does not approve their own change.
        access.ensureUser(COORDINATING_OWNER, "Cleo", "Both", "pccoord@test", CycleDriver.PASSWORD, Groups.COORDINATORS,
                Groups.PROCESS_OWNERS);
        files.put("review.bpmn", review.getBytes(StandardCharsets.UTF_8));
        ResponseEntity<Map> own = propose(COORDINATING_OWNER, files);
        assertThat(own.getStatusCode().value()).isEqualTo(201);
        Task ownTask = taskService.createTaskQuery().processInstanceBusinessKey("process-change-" + own.getBody().get("id")).singleResult();
        ResponseEntity<String> refused = submit(COORDINATING_OWNER, ownTask.getId(), "APPROVE");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("you proposed this change");
        assertThat(latestReviewVersion()).isEqualTo(version + 1);
        // Another coordinator approves it: the review is named as shipped again, for the tests that follow.
        ResponseEntity<String> restored = submit(CycleDriver.COORDINATOR, ownTask.getId(), "APPROVE");
        assertThat(restored.getStatusCode().value()).as(restored.getBody()).isEqualTo(204);
        assertThat(latestReviewVersion()).isEqualTo(version + 2);
    }

    @Test
    void aChangeTheEngineRefusesIsNotDeployedAndTheApproverSaysWhyAndRejectsIt() {
        access.ensureUser(OWNER, "Petra", "Owner", "pcowner@test", CycleDriver.PASSWORD, Groups.PROCESS_OWNERS);
        driver.ensureUsers();
        SortedMap<String, byte[]> files = new TreeMap<>(ProcessDeployer.readDirectory(Path.of("processes")));
        // Readable, and within the check, but without the history time to live the engine requires.
        files.put("review.bpmn", new String(files.get("review.bpmn"),
                StandardCharsets.UTF_8).replace(" camunda:historyTimeToLive=\"3650\"", "")
                .getBytes(StandardCharsets.UTF_8));
        int version = latestReviewVersion();
        ResponseEntity<Map> proposed = propose(OWNER, files);
        assertThat(proposed.getStatusCode().value()).isEqualTo(201);
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey("process-change-" + proposed.getBody().get("id"))
                .singleResult();

        ResponseEntity<String> approved = submit(CycleDriver.COORDINATOR, approval.getId(), "APPROVE");
        assertThat(approved.getStatusCode().value()).isEqualTo(400);
        assertThat(approved.getBody()).contains("Decision: the engine refuses these files");
        assertThat(latestReviewVersion()).isEqualTo(version);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> rejected = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD).postForEntity(
                "/engine-rest/task/" + approval.getId() + "/submit-form", new HttpEntity<>(Map.of("variables", Map.of(
                        "decision", Map.of("value", "REJECT", "type", "String"),
                        "decisionReason", Map.of("value", "Every process needs its history time to live.", "type", "String"))), headers),
                String.class);
        assertThat(rejected.getStatusCode().value()).as(rejected.getBody()).isEqualTo(204);
        assertThat(rest.withBasicAuth(OWNER, CycleDriver.PASSWORD).getForObject("/api/processes/changes/" + proposed.getBody().get("id"),
                Map.class).get("status")).isEqualTo("REJECTED");
        assertThat(latestReviewVersion()).isEqualTo(version);
    }

    private int latestReviewVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("Review").latestVersion().singleResult().getVersion();
    }

    private ResponseEntity<String> submit(String user, String taskId, String decision) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        rest.withBasicAuth(user, CycleDriver.PASSWORD).postForEntity("/engine-rest/task/" + taskId + "/claim",
                new HttpEntity<>(Map.of("userId", user), headers), String.class);
        return rest.withBasicAuth(user, CycleDriver.PASSWORD).postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                new HttpEntity<>(Map.of("variables", Map.of("decision", Map.of("value", decision, "type", "String"))),
                        headers), String.class);
    }

    private ResponseEntity<String> deploy(String user, String password, byte[] bpmn) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "owner");
        body.add("data", file("data", "owner.bpmn", bpmn));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers),
                String.class);
    }

    private ResponseEntity<Map> propose(String user, Map<String, byte[]> files) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        files.forEach((name, bytes) -> body.add("files", file("files", name, bytes)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, CycleDriver.PASSWORD).postForEntity("/api/processes/changes", new HttpEntity<>(body, headers),
                Map.class);
    }

    private static HttpEntity<ByteArrayResource> file(String part, String name, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDispositionFormData(part, name);
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }
}
