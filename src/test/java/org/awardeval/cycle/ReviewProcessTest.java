package org.awardeval.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.awardeval.call.CallService;
import org.awardeval.review.ReviewRepository;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.system.TaskInputException;
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

    @Autowired CycleDriver driver;
    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ReviewRepository reviews;

    @Test
    void aJudgeScoresTheAnonymisedDossierAndInvalidScoresAreRefused() {
        BpmnAwareTests.init(engine);
        long callId = driver.openCall("Review path " + System.nanoTime());
        var submission = driver.submit(callId, CycleDriver.sixEligible("rv").get(3));
        driver.runJobs();
        Task close = taskService.createTaskQuery().processInstanceBusinessKey(CallService.businessKey(callId)).singleResult();
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
        assertThatThrownBy(() -> driver.completeAs(judge, taskId, bad))
                .isInstanceOf(TaskInputException.class)
                .hasMessageContaining("score_innovation: must be between 1 and 5, was 7")
                .hasMessageContaining("applicantFeedback: is required");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();

        driver.completeAs(judge, taskId, CycleDriver.review(4));
        var instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(review.getProcessInstanceId()).singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_Reviewed");
        assertThat(reviews.byApplication(submission.applicationId())).singleElement()
                .satisfies(r -> assertThat(r.total()).isEqualByComparingTo("3.800"));
    }
}
