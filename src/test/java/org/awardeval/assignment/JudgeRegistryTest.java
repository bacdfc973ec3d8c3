package org.awardeval.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.call.Category;
import org.awardeval.demo.SampleData;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The judge registry over the API and CSV, and what the cycle does when the judges are too few. */
@H2Test
@SuppressWarnings({"rawtypes", "unchecked"})
class JudgeRegistryTest {

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired CallService callService;
    @Autowired JudgeRepository judges;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    @BeforeEach
    void users() {
        driver.ensureUsers();
        BpmnAwareTests.init(engine);
    }

    private TestRestTemplate coordinator() {
        return rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
    }

    @Test
    void aCoordinatorRegistersAJudgeAndBadFieldsAreNamed() {
        Map<String, Object> body = Map.ofEntries(Map.entry("userId", "regjudge1"), Map.entry("password", "pw"),
                Map.entry("firstName", "Aroha"), Map.entry("lastName", "Ngata"), Map.entry("email", "aroha@judges.test"),
                Map.entry("gender", "f"), Map.entry("country", "New Zealand"), Map.entry("region", "Asia and the Pacific"),
                Map.entry("affiliation", "Waikato Learning Lab"), Map.entry("maxLoad", 15), Map.entry("expertise", List.of("SC", "MC")),
                Map.entry("conflicts", List.of("Auckland  Open Polytechnic")));
        ResponseEntity<Map> created = coordinator().postForEntity("/api/judges", body, Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("code").toString()).matches("J-\\d{2,}");
        Judge judge = judges.byUserId("regjudge1").orElseThrow();
        assertThat(judge.expertise()).containsExactly("SC", "MC");
        assertThat(judge.gender()).isEqualTo("F");
        assertThat(judge.conflicts()).containsExactly("auckland open polytechnic");

        ResponseEntity<Map> refused = coordinator().postForEntity("/api/judges", Map.of("userId", "bad id", "lastName", "<b>X</b>",
                "email", "x@", "gender", "Q", "country", "Peru", "affiliation", "A", "maxLoad", 0, "expertise", List.of("mc")), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, String>>) refused.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("userId", "lastName", "email", "gender", "maxLoad", "expertise[0]", "password");
        assertThat(rest.withBasicAuth("tj01", CycleDriver.PASSWORD).postForEntity("/api/judges", body, Map.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(rest.getForEntity("/api/judges", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theCsvImportReportsEveryRowAndAReimportChangesNothing() {
        String csv = """
                user_id,first_name,last_name,email,gender,country,region,affiliation,max_load,expertise,conflicts,password
                csvjudge1,Chen,Jing,chen@judges.test,F,China,Asia and the Pacific,Beijing Normal Lab,20,IU;SC,Hill College;Lake University,pw
                csvjudge2,Олег,Иванов,oleg@judges.test,M,Kazakhstan,Asia and the Pacific,Almaty Digital,lots,MC,,pw
                csvjudge3,Sara,,sara@judges.test,Z,Peru,,Lima Lab,10,,,
                """;
        Map<?, ?> first = importCsv(csv);
        assertThat(first.get("rows")).isEqualTo(3);
        assertThat(first.get("registered")).isEqualTo(1);
        assertThat(first.get("rejected")).isEqualTo(2);
        List<Map<String, Object>> results = (List<Map<String, Object>>) first.get("results");
        assertThat((List<Map<String, String>>) results.get(1).get("errors")).extracting(e -> e.get("field")).containsExactly("max_load");
        assertThat((List<Map<String, String>>) results.get(2).get("errors")).extracting(e -> e.get("field"))
                .contains("last_name", "gender", "expertise", "password");
        assertThat(judges.byUserId("csvjudge1").orElseThrow().conflicts()).containsExactlyInAnyOrder("hill college", "lake university");

        Map<?, ?> again = importCsv(csv);
        assertThat(again.get("registered")).isEqualTo(0);
        assertThat(again.get("updated")).isEqualTo(1);
        assertThat(judges.all().stream().filter(j -> j.userId().equals("csvjudge1"))).hasSize(1);

        ResponseEntity<Map> broken = coordinator().postForEntity("/api/judges/import", csvEntity("user_id,email\nx,y\n"), Map.class);
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(broken.getBody().toString()).contains("missing column(s)");
    }

    @Test
    void tooFewJudgesGiveACoordinatorTaskThatSaysWhoIsShortAndTheCycleGoesOnOnceThereAreMore() {
        OffsetDateTime now = OffsetDateTime.now();
        long callId = callService.open(new CallRequest("Shortage " + System.nanoTime(), null, "SG", now.plusDays(5), now.plusDays(9), 3, 1,
                CycleDriver.CHAIR, null, List.of(new Category("ZZ", "A category without judges", null)), null, null, null, null, null));
        var submission = driver.submit(callId, SampleData.form("Mountain University sg", "HEI", "Nepal", "ZZ", "Sita Rai", "sita@sg.test", true));
        driver.confirmRedactions(callId);
        ProcessInstance cycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .singleResult();
        Task close = taskService.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey("Task_CloseCallEarly").singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, close.getId(), Map.of());
        driver.runJobs();

        assertThat(cycle).isWaitingAt("Task_ResolveShortage");
        Task shortage = taskService.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey("Task_ResolveShortage")
                .taskCandidateGroup("coordinators").singleResult();
        String report = (String) taskService.getVariable(shortage.getId(), "shortageReport");
        assertThat(report).contains("category ZZ is 3 review(s) short")
                .contains(submission.code() + " (category ZZ): 3 judge(s) short; only 0 judge(s) of category ZZ are free of conflicts");
        assertThat(managementService.createJobQuery().processInstanceId(cycle.getId()).withException().count()).isZero();

        for (String id : List.of("zz1", "zz2", "zz3")) {
            coordinator().postForEntity("/api/judges", Map.of("userId", id + "judge", "password", "pw", "lastName", id, "email",
                    id + "@judges.test", "country", "Chile", "affiliation", "Institute " + id, "maxLoad", 5, "expertise", List.of("ZZ")),
                    Map.class);
        }
        driver.completeAs(CycleDriver.COORDINATOR, shortage.getId(), Map.of());
        driver.runJobs();
        assertThat(cycle).isWaitingAt("Gateway_WaitReviewed");
        assertThat(taskService.createTaskQuery().processDefinitionKey("Review").taskAssigneeIn("zz1judge", "zz2judge", "zz3judge").count())
                .isEqualTo(3);
    }

    private Map<?, ?> importCsv(String csv) {
        ResponseEntity<Map> answer = coordinator().postForEntity("/api/judges/import", csvEntity(csv), Map.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    private static HttpEntity<byte[]> csvEntity(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers);
    }
}
