package org.awardeval.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.call.CallStatus;
import org.awardeval.demo.SampleData;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The paths of award-cycle.bpmn that the full-cycle test does not take, and the call's validation. */
@H2Test
class AwardCycleProcessTest {

    @Autowired InProcessCycle driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired CallService callService;
    @Autowired CallRepository calls;
    @Autowired ApplicationRepository applications;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        driver.ensureUsers();
    }

    @Test
    void theCallClosesAtItsDeadlineAndGoesStraightToAssignmentWhenAllIsSettled() {
        long callId = driver.openCall("Deadline path " + System.nanoTime());
        ProcessInstance cycle = cycle(callId);
        assertThat(cycle).isWaitingAt("Task_CloseCallEarly");
        var submission = driver.submit(callId, SampleData.sixEligible("dl").get(0));
        driver.confirmRedactions(callId);

        Job deadline = managementService.createJobQuery().processInstanceId(cycle.getId()).activityId("Event_SubmissionDeadline").timers()
                .singleResult();
        long deadlineMillis = calls.get(callId).submissionDeadline().toInstant().toEpochMilli();
        assertThat(Math.abs(deadline.getDuedate().getTime() - deadlineMillis)).isLessThan(1000);
        managementService.executeJob(deadline.getId());
        assertThat(cycle).hasPassed("Event_SubmissionDeadline", "Task_CloseCall", "Task_CheckSettled")
                .isWaitingAt("Task_AssignJudges");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
                .activityId("Task_CloseCallEarly").canceled().count()).as("close task interrupted by the deadline").isOne();
        assertThat(calls.get(callId).status()).isEqualTo(CallStatus.CLOSED);

        driver.runJobs();
        assertThat(cycle).isWaitingAt("Gateway_WaitReviewed");
        assertThat(applications.get(submission.applicationId()).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThatThrownBy(() -> driver.submit(callId, SampleData.sixEligible("late").get(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is closed");
    }

    @Test
    void aWaitingCycleLooksAgainWhenItsPollTimerFires() {
        long callId = driver.openCall("Poll path " + System.nanoTime());
        ProcessInstance cycle = cycle(callId);
        var doubtful = driver.submit(callId, SampleData.form("Open Network poll", "OTHER", "Rwanda", "MC", "Jean Poll",
                "jean@poll.test", true));
        taskService.complete(taskService.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey("Task_CloseCallEarly")
                .singleResult().getId());
        assertThat(cycle).isWaitingAt("Gateway_WaitSettled");

        // The coordinator decides, but the wake-up message is lost: the poll timer still moves the cycle on.
        var check = taskService.createTaskQuery().processInstanceBusinessKey(doubtful.code()).singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, check.getId(),
                Map.of("coordinatorDecision", "INELIGIBLE", "coordinatorReason", "Not an institution"));
        Job poll = managementService.createJobQuery().processInstanceId(cycle.getId()).activityId("Event_SettlePoll").timers().singleResult();
        managementService.executeJob(poll.getId());
        assertThat(cycle).hasPassed("Event_SettlePoll").isWaitingAt("Task_AssignJudges");
    }

    @Test
    void invalidCallSettingsAreRefusedFieldByFieldAndStartNothing() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(AwardCycleProcess.KEY).count();
        OffsetDateTime now = OffsetDateTime.now();
        assertThatThrownBy(() -> callService.open(new CallRequest("", null, "pa-25", now.minusDays(1), now.minusDays(2), 0, 3,
                "nobody")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("callName: is required")
                .hasMessageContaining("codePrefix: must be 2 to 6 capital letters or digits")
                .hasMessageContaining("submissionDeadline: must be in the future")
                .hasMessageContaining("reviewDeadline: must be after the submission deadline")
                .hasMessageContaining("reviewsPerApplication: must be between 1 and 10")
                .hasMessageContaining("chairUserId: 'nobody' is not a user of the group panel");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AwardCycleProcess.KEY).count()).isEqualTo(before);
    }

    private ProcessInstance cycle(long callId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CallService.businessKey(callId)).singleResult();
    }
}
