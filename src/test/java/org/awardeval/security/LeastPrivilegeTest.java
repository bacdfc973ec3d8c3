package org.awardeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.deliberation.ResultRepository;
import org.awardeval.demo.SampleData;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.WebappSession;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * What judges and panel members may not do: open Cockpit or Admin, start processes, read another judge's task or an
 * application's instance and history; a panel member's ballot holds the shortlist and nothing else.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastPrivilegeTest {

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ApplicationRepository applications;
    @Autowired ResultRepository results;

    long callId;
    String cycle;

    @BeforeAll
    void panelStage() {
        callId = driver.openCall("Least privilege " + System.nanoTime());
        SampleData.sixEligible("lp").forEach(form -> driver.submit(callId, form));
        // Two more cases in MC, so that the category has more applications than its shortlist of two.
        driver.submit(callId, SampleData.form("Highland Polytechnic lp", "HEI", "Bhutan", "MC", "Karma Dorji", "karma@lp.test", true));
        driver.submit(callId, SampleData.form("Coastal College lp", "HEI", "Fiji", "MC", "Mere Tuilagi", "mere@lp.test", true));
        driver.runToPanelVote(callId);
        cycle = driver.cycleInstance(callId);
    }

    @Test
    void judgesStayOutOfCockpitAndAdminAndStartNothing() {
        for (String app : List.of("cockpit", "admin")) {
            assertThat(webappLogin("tj01", app).getStatusCode().is2xxSuccessful()).as("judge login to %s", app).isFalse();
        }
        assertThat(webappLogin("tj01", "tasklist").getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(webappLogin(CycleDriver.COORDINATOR, "cockpit").getStatusCode().is2xxSuccessful()).isTrue();
        TestRestTemplate judge = rest.withBasicAuth("tj01", CycleDriver.PASSWORD);
        for (String key : List.of("AwardCycle", "Application", "Review")) {
            ResponseEntity<String> start = judge.postForEntity("/engine-rest/process-definition/key/" + key + "/start",
                    Map.of("variables", Map.of()), String.class);
            assertThat(start.getStatusCode().value()).as("judge starts %s", key).isIn(403, 404);
        }
        assertThat(judge.postForEntity("/api/calls", Map.of("callName", "x"), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/api/judges", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aJudgeReadsNeitherAnotherJudgesTaskNorAnApplicationOrItsHistory() {
        StoredApplication application = applications.byCall(callId).get(0);
        String applicationInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(application.code())
                .singleResult().getId();
        Task othersTask = taskService.createTaskQuery().processDefinitionKey("Review").active().list().stream()
                .filter(t -> !"tj01".equals(t.getAssignee())).findFirst().orElse(null);
        TestRestTemplate judge = rest.withBasicAuth("tj01", CycleDriver.PASSWORD);
        if (othersTask != null) {
            assertThat(judge.getForEntity("/engine-rest/task/" + othersTask.getId() + "/variables", String.class).getStatusCode().value())
                    .isIn(403, 404);
        }
        assertThat(judge.getForEntity("/engine-rest/process-instance/" + applicationInstance + "/variables", String.class)
                .getStatusCode().value()).isEqualTo(403);
        for (String history : List.of("/engine-rest/history/process-instance?processInstanceId=",
                "/engine-rest/history/variable-instance?processInstanceId=", "/engine-rest/history/activity-instance?processInstanceId=",
                "/engine-rest/history/task?processInstanceId=")) {
            ResponseEntity<String> answer = judge.getForEntity(history + applicationInstance, String.class);
            assertThat(answer.getStatusCode().value() == 403 || "[]".equals(answer.getBody())).as(history).isTrue();
        }
        // The votes of the panel are not the judges' business either.
        Task vote = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").list().get(0);
        assertThat(judge.getForEntity("/engine-rest/task/" + vote.getId() + "/variables", String.class).getStatusCode().value())
                .isIn(403, 404);
    }

    @Test
    void aPanelMembersBallotHoldsTheShortlistAndNothingElse() {
        Task vote = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote")
                .taskAssignee(CycleDriver.CHAIR).singleResult();
        String body = rest.withBasicAuth(CycleDriver.CHAIR, CycleDriver.PASSWORD)
                .getForObject("/engine-rest/task/" + vote.getId() + "/form-variables?deserializeValues=false", String.class);
        List<Result> ranking = results.byCall(callId);
        Set<String> shortlisted = ranking.stream().filter(Result::shortlisted).map(Result::code).collect(Collectors.toSet());
        Set<String> others = ranking.stream().filter(r -> !r.shortlisted()).map(Result::code).collect(Collectors.toSet());
        assertThat(others).as("applications left out of the shortlist").isNotEmpty();
        assertThat(body).contains(shortlisted);
        others.forEach(code -> assertThat(body).doesNotContain(code));
        for (StoredApplication a : applications.byCall(callId)) {
            assertThat(body).doesNotContain(a.organisationName(), a.contactName(), a.contactEmail());
        }
        String applicationInstance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(applications.byCall(callId).get(0).code()).singleResult().getId();
        assertThat(rest.withBasicAuth(CycleDriver.CHAIR, CycleDriver.PASSWORD)
                .getForEntity("/engine-rest/process-instance/" + applicationInstance + "/variables", String.class).getStatusCode().value())
                .isEqualTo(403);
    }

    private ResponseEntity<String> webappLogin(String user, String app) {
        return WebappSession.login(rest, app, user, CycleDriver.PASSWORD).loginAnswer();
    }
}
