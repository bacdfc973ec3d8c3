package org.awardeval.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import org.awardeval.process.ReviewProcess;
import org.awardeval.support.PlainEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each path of review.bpmn on a plain engine, the delegates mocked: the process as a process owner models it, without
 * the application behind it.
 */
@Deployment(resources = {"processes/review.bpmn", "processes/forms/review.form", "processes/forms/overdue-review.form",
        "processes/forms/find-judge.form"})
class ReviewPathTest {

    @RegisterExtension
    static PlainEngine engineExtension = new PlainEngine("review-path");

    ProcessEngine engine;

    JavaDelegate load = mock(JavaDelegate.class);
    JavaDelegate record = mock(JavaDelegate.class);
    JavaDelegate reassign = mock(JavaDelegate.class);

    @BeforeEach
    void mocks() throws Exception {
        // The loader sets what the task needs, as LoadDossierDelegate does: the judge, and times far ahead.
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(ReviewProcess.JUDGE_USER_ID, "judge-a");
            execution.setVariable(ReviewProcess.APPLICATION_CODE, "PA25-001");
            execution.setVariable(ReviewProcess.JUDGE_CODE, "J01");
            execution.setVariable(ReviewProcess.REVIEW_DUE_AT, future(20));
            execution.setVariable(ReviewProcess.GRACE_ENDS_AT, future(30));
            return null;
        }).when(load).execute(any());
        Mocks.register("loadDossierDelegate", load);
        Mocks.register("recordReviewDelegate", record);
        Mocks.register("reassignReviewDelegate", reassign);
    }

    @Test
    void aScoredReviewIsRecorded() throws Exception {
        ProcessInstance review = start();
        assertThat(review).isWaitingAt(ReviewProcess.TASK_REVIEW_APPLICATION).task().isAssignedTo("judge-a");
        complete(task(review), withVariables(ReviewProcess.CONFLICT_DECLARED, false));
        execute(job(review)); // recorded asynchronously after
        assertThat(review).hasPassed("Task_RecordReview").isEnded();
        verify(record).execute(any());
        verify(reassign, never()).execute(any());
    }

    @Test
    void aDeclaredConflictHandsTheReviewToAnotherJudge() throws Exception {
        ProcessInstance review = start();
        complete(task(review), withVariables(ReviewProcess.CONFLICT_DECLARED, true, ReviewProcess.CONFLICT_REASON, "my own university"));
        assertThat(review).hasPassed("Task_Reassign").isWaitingAt(ReviewProcess.TASK_REVIEW_APPLICATION);
        verify(load, times(2)).execute(any());
        verify(record, never()).execute(any());
    }

    @Test
    void aReviewStillMissingAfterTheGraceIsReassigned() throws Exception {
        ProcessInstance review = start();
        org.assertj.core.api.Assertions.assertThat(engine.getManagementService().createJobQuery().processInstanceId(review.getId()).timers().count())
                .as("one timer per review: reminders come from the cycle, one per judge").isOne();
        execute(engine.getManagementService().createJobQuery().activityId("Event_GraceOver").singleResult());
        assertThat(review).hasPassed("Task_Reassign");
        verify(reassign).execute(any());
    }

    @Test
    void whenNoJudgeIsFreeACoordinatorIsAskedAndTriesAgain() throws Exception {
        doThrow(new BpmnError(ReviewProcess.ERROR_NO_JUDGE_FREE)).doNothing().when(reassign).execute(any());
        ProcessInstance review = start();
        complete(task(review), withVariables(ReviewProcess.CONFLICT_DECLARED, true));
        assertThat(review).isWaitingAt("Task_FindJudge");
        complete(task("Task_FindJudge", review));
        assertThat(review).isWaitingAt(ReviewProcess.TASK_REVIEW_APPLICATION);
        verify(reassign, times(2)).execute(any());
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(ReviewProcess.KEY, withVariables(ReviewProcess.ASSIGNMENT_ID, 1L));
    }

    private static Date future(int days) {
        return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }
}
