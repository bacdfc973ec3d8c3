package org.awardeval.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallService;
import org.awardeval.demo.SampleData;
import org.awardeval.review.ReviewRepository;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.web.TaskInputException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** review.bpmn: the judge's task holds the dossier, refuses invalid scores, and stores a valid review. */
@H2Test
class ReviewProcessTest {

    @Autowired InProcessCycle driver;
    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ReviewRepository reviews;
    @Autowired org.awardeval.assignment.JudgeRepository judges;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aJudgeScoresTheAnonymisedDossierAndInvalidScoresAreRefused() {
        BpmnAwareTests.init(engine);
        long callId = driver.openCall("Review path " + System.nanoTime());
        var submission = driver.submit(callId, SampleData.sixEligible("rv").get(3));
        driver.confirmRedactions(callId);
        Task close = taskService.createTaskQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .taskDefinitionKey("Task_CloseCallEarly").singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, close.getId(), Map.of());
        driver.runJobs();

        Task review = taskService.createTaskQuery().processDefinitionKey("Review").processVariableValueEquals("applicationCode",
                submission.code()).list().get(0);
        assertThat(review.getName()).isEqualTo("Review " + submission.code());
        assertThat(review.getDueDate()).isNotNull();
        String judge = review.getAssignee();
        Map<String, Object> bad = new HashMap<>(CycleDriver.review(4));
        bad.put("score_innovation", 7);
        bad.remove("applicantFeedback");
        String taskId = review.getId();
        // Out of the form's range: refused before anything runs, naming the field as the form labels it.
        assertThatThrownBy(() -> driver.completeAs(judge, taskId, bad))
                .isInstanceOf(TaskInputException.class)
                .hasMessageContaining("Innovation: '7' is not one of the choices offered (1, 2, 3, 4, 5)");
        bad.put("score_innovation", 4);
        assertThatThrownBy(() -> driver.completeAs(judge, taskId, bad))
                .isInstanceOf(TaskInputException.class)
                .hasMessageContaining("Feedback for the applicant (sent anonymously): is required");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();

        driver.completeAs(judge, taskId, CycleDriver.review(4));
        driver.runJobs();
        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_Reviewed");
        assertThat(reviews.byApplication(submission.applicationId())).singleElement()
                .satisfies(r -> assertThat(r.total()).isEqualByComparingTo("3.800"));
    }

    /** Opens a call with one application, closes it and returns the review tasks of that application. */
    private java.util.List<Task> reviewTasksOf(String suffix, int form) {
        BpmnAwareTests.init(engine);
        long callId = driver.openCall("Review " + suffix + " " + System.nanoTime());
        var submission = driver.submit(callId, SampleData.sixEligible(suffix).get(form));
        driver.confirmRedactions(callId);
        Task close = taskService.createTaskQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .taskDefinitionKey("Task_CloseCallEarly").singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, close.getId(), Map.of());
        driver.runJobs();
        return taskService.createTaskQuery().processDefinitionKey("Review")
                .processVariableValueEquals("applicationCode", submission.code()).list();
    }

    @Test
    void aJudgeWhoDeclaresAConflictIsReplacedByAFreeJudgeAndTheConflictIsKept() {
        java.util.List<Task> tasks = reviewTasksOf("cf", 0);
        assertThat(tasks).hasSize(3);
        Task first = tasks.get(0);
        String judge = first.getAssignee();
        String instance = first.getProcessInstanceId();
        java.util.Set<String> before = new java.util.HashSet<>(tasks.stream().map(Task::getAssignee).toList());

        assertThatThrownBy(() -> driver.completeAs(judge, first.getId(), Map.of("conflictDeclared", true)))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("Why (kept for the coordinators, not shown to the applicant): is required");
        driver.completeAs(judge, first.getId(), Map.of("conflictDeclared", true, "conflictReason", "I advised this project in 2023"));

        Task replacement = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ReviewApplication")
                .singleResult();
        assertThat(replacement.getAssignee()).isNotIn(before);
        assertThat(taskService.getVariables(replacement.getId())).doesNotContainKeys("conflictDeclared", "conflictReason")
                .containsEntry("judgeUserId", replacement.getAssignee());
        assertThat(judges.byUserId(judge).orElseThrow().conflicts()).contains("steppe university cf");
        assertThat(jdbc.sql("SELECT status, end_reason FROM assignment WHERE review_process_instance_id = ? ORDER BY id")
                .param(instance).query((rs, row) -> rs.getString(1) + ": " + rs.getString(2)).list())
                .containsExactly("REASSIGNED: conflict of interest declared by the judge: I advised this project in 2023", "OPEN: null");

        driver.completeAs(replacement.getAssignee(), replacement.getId(), CycleDriver.review(4));
        driver.runJobs();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_Reviewed");
    }

    @Test
    void aJudgeWithSeveralReviewsGetsOneReminderAndOneOverdueNoticeAndALateReviewIsReassigned() {
        long callId = driver.openCall("Digest " + System.nanoTime());
        SampleData.sixEligible("dg").forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        String cycle = driver.cycleInstance(callId);
        Map<String, Object> busiest = jdbc.sql("""
                SELECT j.id, j.user_id, j.code, COUNT(*) AS reviews FROM assignment s JOIN judge j ON j.id = s.judge_id
                WHERE s.call_id = ? AND s.status = 'OPEN' GROUP BY j.id, j.user_id, j.code ORDER BY COUNT(*) DESC, j.user_id""")
                .param(callId).query().listOfRows().get(0);
        String late = (String) busiest.get("USER_ID");
        assertThat(((Number) busiest.get("REVIEWS")).intValue()).isGreaterThan(1);
        List<String> codes = jdbc.sql("SELECT s.application_code FROM assignment s JOIN judge j ON j.id = s.judge_id"
                + " WHERE s.call_id = ? AND j.user_id = ? AND s.status = 'OPEN'").params(callId, late).query(String.class).list();

        driver.fire(cycle, "Event_RemindersDue");
        String judgeId = String.valueOf(busiest.get("ID"));
        List<String> reminders = jdbc.sql("SELECT body FROM mail_outbox WHERE call_id = ? AND kind = ?")
                .params(callId, "DIGEST-J" + judgeId).query(String.class).list();
        assertThat(reminders).as("one e-mail for all their reviews").singleElement()
                .satisfies(body -> assertThat(body).contains(codes));
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT recipient) - COUNT(*) FROM mail_outbox WHERE call_id = ? AND kind LIKE 'DIGEST-J%'")
                .param(callId).query(Long.class).single()).as("no judge twice").isZero();

        driver.fire(cycle, "Event_ReviewsDue");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE call_id = ? AND kind = ?")
                .params(callId, "OVERDUE-J" + judgeId).query(Long.class).single()).isOne();
        Task followUp = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_FollowUpOverdue")
                .taskCandidateGroup("coordinators").singleResult();
        assertThat(taskService.getVariable(followUp.getId(), "overdueList").toString())
                .contains(codes.get(0) + " by " + busiest.get("CODE"));
        Task task = taskService.createTaskQuery().taskAssignee(late).processVariableValueEquals("applicationCode", codes.get(0)).singleResult();
        assertThat(task).as("the judge may still review").isNotNull();

        driver.fire(task.getProcessInstanceId(), "Event_GraceOver");
        Task replacement = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewApplication").singleResult();
        assertThat(replacement.getAssignee()).isNotEqualTo(late);
        assertThat(replacement.getDueDate()).isAfter(new java.util.Date());
    }
}
