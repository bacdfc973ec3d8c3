package org.awardeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.deliberation.PanelService.PanelRegistration;
import org.awardeval.deliberation.PanelService;
import org.awardeval.demo.SampleData;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.WebappSession;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Judges, panel members and the chair try to write what their forms do not offer, over the engine REST API and
 * Tasklist's own API with their real log-ins. Every attempt is refused with a 400 naming the problem and writes
 * nothing; then the same users finish the cycle through their forms' fields, and the results are what those fields
 * alone give.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WriteSideAttackTest {

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;
    @Autowired PanelService panel;

    long callId;
    String cycle;
    long incidentsBefore;
    /** A judge with a review of this call: the attacker. */
    String judge;

    @BeforeAll
    void reviewsOpen() {
        driver.ensureUsers();
        for (String member : List.of("wspanel1", "wspanel2")) {
            panel.register(new PanelRegistration(member, CycleDriver.PASSWORD, "Panel", member, member + "@panel.test", "Independent",
                    "Peru", List.of()));
        }
        callId = driver.openCall("Write side " + System.nanoTime());
        SampleData.sixEligible("ws").forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        cycle = driver.cycleInstance(callId);
        incidentsBefore = runtimeService.createIncidentQuery().count();
        judge = reviews().get(0).getAssignee();
        driver.knownPassword(judge);
    }

    @Test
    @Order(1)
    void aJudgeWritesNothingButTheirFormsFieldsThroughAnyEndpoint() {
        Task mine = reviewOf(judge);
        Task theirs = reviewsOfOthers(judge).get(0);
        long theirAssignment = assignmentOf(theirs);
        String before = state();
        String task = "/engine-rest/task/" + mine.getId();
        Map<String, Object> forged = new HashMap<>(validReview(4));
        forged.put("assignmentId", value(theirAssignment, "Long"));

        assertRefused(post(judge, task + "/complete", Map.of("variables", forged)), "assignmentId");
        assertRefused(post(judge, task + "/submit-form", Map.of("variables", forged)), "assignmentId");
        assertRefused(put(judge, task + "/variables/assignmentId", value(theirAssignment, "Long")), "assignmentId");
        assertRefused(put(judge, task + "/localVariables/assignmentId", value(theirAssignment, "Long")), "assignmentId");
        assertRefused(put(judge, task + "/variables/assignmentId", value("abc", "String")), "assignmentId");
        assertRefused(post(judge, task + "/variables", Map.of("modifications", Map.of("assignmentId", value(theirAssignment, "Long")))),
                "assignmentId");
        assertRefused(post(judge, task + "/localVariables", Map.of("modifications", Map.of("judgeUserId", value("tj02", "String")))),
                "judgeUserId");
        assertRefused(post(judge, task + "/variables", Map.of("deletions", List.of("applicationCode"))), "applicationCode");
        assertThat(delete(judge, task + "/variables/judgeCode").getStatusCode().value()).isEqualTo(400);
        // A conflict declared in another judge's name.
        assertRefused(post(judge, task + "/complete", Map.of("variables", Map.of("conflictDeclared", value(true, "Boolean"),
                "conflictReason", value("I know them", "String"), "assignmentId", value(theirAssignment, "Long")))), "assignmentId");
        // Ways around the form: an error event, an escalation, delegation, handing the task over.
        assertThat(post(judge, task + "/bpmnError", Map.of("errorCode", "NoJudgeFree")).getStatusCode().value()).isEqualTo(400);
        assertThat(post(judge, task + "/bpmnEscalation", Map.of("escalationCode", "x")).getStatusCode().value()).isEqualTo(400);
        assertThat(post(judge, task + "/assignee", Map.of("userId", "tj02")).getStatusCode().value()).isIn(403);
        assertThat(post(judge, task + "/delegate", Map.of("userId", "tj02")).getStatusCode().value()).isIn(403);
        assertThat(post(judge, task + "/identity-links", Map.of("userId", "tj02", "type", "candidate")).getStatusCode().value())
                .isIn(403);
        // And over Tasklist's own API, as the browser sends it.
        WebappSession tasklist = tasklistLogin(judge);
        assertRefused(tasklist.post("/camunda/api/engine/engine/default/task/" + mine.getId() + "/submit-form",
                Map.of("variables", forged)), "assignmentId");
        // Another judge's review, with its form's fields or not, once the form is known: refused as not theirs, its
        // fields not described to them.
        for (Map<String, Object> variables : List.of(validReview(4), forged)) {
            ResponseEntity<String> answer = post(judge, "/engine-rest/task/" + theirs.getId() + "/complete", Map.of("variables", variables));
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
            assertThat(answer.getBody()).doesNotContain("assignmentId").doesNotContain("is not a field");
        }

        assertThat(state()).as("nothing written").isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(mine.getId()).count()).isEqualTo(1);
        assertThat(taskService.getVariable(mine.getId(), "assignmentId")).isNotEqualTo(theirAssignment);
        assertNoIncidents();
    }

    @Test
    @Order(2)
    void scoresOutsideTheFormsTypesAndRangesAreRefusedWithTheFieldsLabel() {
        Task mine = reviewOf(judge);
        String task = "/engine-rest/task/" + mine.getId();
        String before = state();
        for (Object[] bad : new Object[][] {{value(3.5, "Double"), "must be one of the choices offered (1, 2, 3, 4, 5)"},
                {value(9, "Integer"), "'9' is not one of the choices offered"}, {value(0, "Long"), "'0' is not one of the choices offered"},
                {value("abc", "String"), "'abc' is not one of"}, {value(true, "Boolean"), "must be one of the choices offered"}}) {
            Map<String, Object> review = new HashMap<>(validReview(4));
            review.put("score_innovation", bad[0]);
            ResponseEntity<String> answer = post(judge, task + "/complete", Map.of("variables", review));
            assertRefused(answer, "Innovation");
            assertThat(answer.getBody()).contains((String) bad[1]).doesNotContain("score_innovation");
        }
        Map<String, Object> review = new HashMap<>(validReview(4));
        review.put("confidence", value("CERTAIN", "String"));
        assertRefused(post(judge, task + "/complete", Map.of("variables", review)), "CERTAIN");
        review = new HashMap<>(validReview(4));
        review.put("panelComment", value("x".repeat(5001), "String"));
        assertRefused(post(judge, task + "/complete", Map.of("variables", review)), "at most 5000 characters");
        assertThat(state()).isEqualTo(before);
        assertNoIncidents();
    }

    @Test
    @Order(3)
    void judgesReviewThroughTheirFormsFieldsOverRest() {
        List<Task> reviews = reviews();
        // Were a variable ever rewritten (a hole in the guard, an administrator's slip), the review still goes where the
        // tables say: the delegates do not read who acts or on what from variables.
        Task mine = reviewOf(judge);
        runtimeService.setVariable(mine.getProcessInstanceId(), "assignmentId", assignmentOf(reviewsOfOthers(judge).get(0)));
        long myAssignment = assignmentOf(mine);
        int score = 0;
        for (Task review : reviews) {
            driver.knownPassword(review.getAssignee());
            ResponseEntity<String> answer = post(review.getAssignee(), "/engine-rest/task/" + review.getId() + "/submit-form",
                    Map.of("variables", validReview(1 + (score++ % 5))));
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
        }
        driver.runJobs();
        driver.keepAllScores(callId);
        driver.runJobs();
        // Each review is stored under the assignment of the judge who wrote it.
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM review r JOIN assignment s ON s.id = r.assignment_id WHERE s.call_id = ?""")
                .param(callId).query(Integer.class).single()).isEqualTo(reviews.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review WHERE assignment_id = ?").param(myAssignment).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(voteTasks()).isNotEmpty();
        assertNoIncidents();
    }

    @Test
    @Order(4)
    void aPanelMemberVotesOnlyAsThemselvesAndOnlyWithTheirBallotsFields() {
        Task vote = voteTasks().get(0);
        String member = vote.getAssignee();
        driver.knownPassword(member);
        String task = "/engine-rest/task/" + vote.getId();
        String before = state();
        String option = firstOption(vote);
        for (String[] forged : new String[][] {{"panelMember", "someone-else"}, {"chairUserId", member}, {"panelQuorum", "abc"},
                {"callId", "1"}, {"proposedWinners", "[]"}}) {
            Map<String, Object> ballot = new HashMap<>(ballot(List.of(option)));
            ballot.put(forged[0], value(forged[1], "String"));
            assertRefused(post(member, task + "/complete", Map.of("variables", ballot)), forged[0]);
            assertRefused(put(member, task + "/variables/" + forged[0], value(forged[1], "String")), forged[0]);
        }
        assertRefused(post(member, task + "/complete", Map.of("variables", ballot(List.of("NOT-A-CODE")))), "NOT-A-CODE");
        // And over Tasklist's own API, as the member's browser sends the ballot.
        Map<String, Object> forged = new HashMap<>(ballot(List.of(option)));
        forged.put("panelMember", value("someone-else", "String"));
        assertRefused(tasklistLogin(member).post("/camunda/api/engine/engine/default/task/" + vote.getId() + "/submit-form",
                Map.of("variables", forged)), "panelMember");
        assertRefused(post(member, task + "/complete", Map.of("variables", Map.of("votes", value("PA-1", "String")))), "must be a list");
        assertThat(state()).isEqualTo(before);
        assertNoIncidents();
    }

    @Test
    @Order(5)
    void thePanelVotesAndTheChairDecidesOnlyThroughTheirForms() {
        // Rewritten variables change nothing: whose ballot, the quorum and the proposal come from the tables.
        List<Task> votes = voteTasks();
        runtimeService.setVariable(votes.get(0).getExecutionId(), "panelMember", votes.get(1).getAssignee());
        runtimeService.setVariable(cycle, "panelQuorum", "abc");
        for (Task vote : votes) {
            driver.knownPassword(vote.getAssignee());
            ResponseEntity<String> answer = post(vote.getAssignee(), "/engine-rest/task/" + vote.getId() + "/submit-form",
                    Map.of("variables", ballot(List.of(firstOption(vote)))));
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
        }
        driver.runJobs();
        assertThat(jdbc.sql("SELECT user_id FROM panel_ballot WHERE call_id = ? ORDER BY user_id").param(callId).query(String.class)
                .list()).isEqualTo(votes.stream().map(Task::getAssignee).sorted().toList());

        Task confirm = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_ConfirmWinners").singleResult();
        String task = "/engine-rest/task/" + confirm.getId();
        List<String> proposed = new ArrayList<>();
        org.camunda.spin.Spin.JSON(runtimeService.getVariableTyped(cycle, "proposedWinners").getValue().toString()).elements()
                .forEach(e -> proposed.add(e.stringValue()));
        List<String> other = List.of(proposed.get(0));
        runtimeService.setVariable(cycle, "proposedWinners", org.camunda.spin.plugin.variable.SpinValues
                .jsonValue(org.camunda.spin.Spin.JSON(other)).create());
        String before = state();
        // The chair departs from the proposal and rewrites the proposal to match: refused.
        assertRefused(post(CycleDriver.CHAIR, task + "/complete", Map.of("variables", Map.of("winners", json(other),
                "proposedWinners", json(other)))), "proposedWinners");
        assertRefused(post(CycleDriver.CHAIR, task + "/complete", Map.of("variables", Map.of("winners", json(other),
                "quorumReached", value(true, "Boolean")))), "quorumReached");
        // Departing without a justification: refused, naming the field as the form labels it.
        assertRefused(post(CycleDriver.CHAIR, task + "/submit-form", Map.of("variables", Map.of("winners", json(other)))),
                "justification");
        assertThat(state()).isEqualTo(before);
        ResponseEntity<String> decided = post(CycleDriver.CHAIR, task + "/submit-form", Map.of("variables", Map.of("winners",
                json(other), "justification", value("One case per category is all the budget allows this year.", "String"))));
        assertThat(decided.getStatusCode().value()).as(decided.getBody()).isEqualTo(204);
        driver.runJobs();
        assertThat(String.join(", ", jdbc.sql("SELECT application_code FROM result WHERE call_id = ? AND winner").param(callId)
                .query(String.class).list())).isEqualTo(String.join(", ", other));
        assertThat(jdbc.sql("SELECT override FROM winner_decision WHERE call_id = ?").param(callId).query(Boolean.class).single()).isTrue();
        assertNoIncidents();
    }

    // --- helpers ---

    /** The open reviews of this test's call (other tests leave theirs). */
    private List<Task> reviews() {
        List<String> instances = jdbc.sql("SELECT review_process_instance_id FROM assignment WHERE call_id = ? AND status = 'OPEN'")
                .param(callId).query(String.class).list();
        return taskService.createTaskQuery().processDefinitionKey("Review").list().stream()
                .filter(t -> instances.contains(t.getProcessInstanceId())).toList();
    }

    private Task reviewOf(String judge) {
        return reviews().stream().filter(t -> judge.equals(t.getAssignee())).findFirst().orElseThrow();
    }

    private List<Task> reviewsOfOthers(String judge) {
        return reviews().stream().filter(t -> !judge.equals(t.getAssignee())).toList();
    }

    private List<Task> voteTasks() {
        return taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").list();
    }

    private long assignmentOf(Task review) {
        return jdbc.sql("SELECT id FROM assignment WHERE review_process_instance_id = ?").param(review.getProcessInstanceId())
                .query(Long.class).single();
    }

    private String firstOption(Task vote) {
        return org.camunda.spin.Spin.JSON(taskService.getVariableLocal(vote.getId(), "voteOptions").toString()).elements().get(0)
                .prop("value").stringValue();
    }

    /** What the attacks must not change: reviews, assignments, conflicts, ballots, decisions and variables. */
    private String state() {
        return String.join("|",
                jdbc.sql("SELECT COUNT(*) FROM review").query(String.class).single(),
                String.join(",", jdbc.sql("SELECT id || ':' || status || ':' || COALESCE(review_process_instance_id, '') FROM assignment"
                        + " WHERE call_id = ? ORDER BY id").param(callId).query(String.class).list()),
                jdbc.sql("SELECT COUNT(*) FROM judge_conflict").query(String.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM panel_ballot").query(String.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM winner_decision").query(String.class).single(),
                String.join(",", jdbc.sql("SELECT NAME_ || '=' || COALESCE(TEXT_, '') || COALESCE(CAST(LONG_ AS VARCHAR), '')"
                        + " FROM ACT_RU_VARIABLE ORDER BY ID_").query(String.class).list()));
    }

    private void assertNoIncidents() {
        assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(incidentsBefore);
    }

    private static void assertRefused(ResponseEntity<String> answer, String named) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains(named);
    }

    static Map<String, Object> value(Object value, String type) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("value", value);
        typed.put("type", type);
        return typed;
    }

    private static Map<String, Object> json(List<String> codes) {
        return value(org.camunda.spin.Spin.JSON(codes).toString(), "Json");
    }

    static Map<String, Object> validReview(int score) {
        Map<String, Object> review = new HashMap<>();
        for (String criterion : List.of("innovation", "impact", "equity", "transferability", "sustainability")) {
            review.put("score_" + criterion, value(score, "Long"));
        }
        review.put("conflictDeclared", value(false, "Boolean"));
        review.put("panelComment", value("Clear aims and evidence, score " + score, "String"));
        review.put("applicantFeedback", value("Well documented outcomes.", "String"));
        review.put("confidence", value("HIGH", "String"));
        return review;
    }

    private static Map<String, Object> ballot(List<String> codes) {
        return Map.of("votes", json(codes), "voteComment", value("My choice", "String"));
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, CycleDriver.PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()),
                String.class);
    }

    private ResponseEntity<String> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, CycleDriver.PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(body, jsonHeaders()),
                String.class);
    }

    private ResponseEntity<String> delete(String user, String path) {
        return rest.withBasicAuth(user, CycleDriver.PASSWORD).exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private WebappSession tasklistLogin(String user) {
        WebappSession session = WebappSession.login(rest, "tasklist", user, CycleDriver.PASSWORD);
        assertThat(session.loginAnswer().getStatusCode().is2xxSuccessful()).as("Tasklist login").isTrue();
        return session;
    }
}
