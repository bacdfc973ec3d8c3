package org.awardeval.review;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.support.PlainEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each path of reconsider.bpmn on a plain engine, the delegates mocked. */
@Deployment(resources = {"processes/reconsider.bpmn", "processes/forms/reconsider-review.form"})
class ReconsiderPathTest {

    @RegisterExtension
    static PlainEngine engineExtension = new PlainEngine("reconsider-path");

    ProcessEngine engine;

    JavaDelegate load = mock(JavaDelegate.class);
    JavaDelegate record = mock(JavaDelegate.class);
    JavaDelegate noAnswer = mock(JavaDelegate.class);

    @BeforeEach
    void mocks() throws Exception {
        // As LoadOtherReviewsDelegate: the judge and the deadline; revision 13 cannot be read.
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            if (Long.valueOf(13).equals(execution.getVariable(ReconsiderProcess.REVISION_ID))) {
                throw new IllegalStateException("the review cannot be read");
            }
            execution.setVariable(ReconsiderProcess.JUDGE_USER_ID, "judge-a");
            execution.setVariable(ReconsiderProcess.APPLICATION_CODE, "PA25-001");
            execution.setVariable(ReconsiderProcess.REVISION_DUE_AT, new Date(System.currentTimeMillis() + 7L * 24 * 3600 * 1000));
            return null;
        }).when(load).execute(any());
        Mocks.register("loadOtherReviewsDelegate", load);
        Mocks.register("recordRevisionDelegate", record);
        Mocks.register("recordNoAnswerDelegate", noAnswer);
    }

    @Test
    void theRoundStartsTheInstanceAndTheJudgesTaskComesInAJobOfItsOwn() throws Exception {
        ProcessInstance reconsider = start(1);
        assertThat(reconsider).isWaitingAt("StartEvent_RevisionRequested");
        verify(load, never()).execute(any());

        execute(job(reconsider));
        assertThat(reconsider).isWaitingAt(ReconsiderProcess.TASK_RECONSIDER).task().isAssignedTo("judge-a");
    }

    @Test
    void anInstanceWhoseReviewCannotBeReadFailsAloneAndKeepsItsJob() {
        ProcessInstance failing = start(13);
        ProcessInstance other = start(2);

        Job job = job(failing);
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("cannot be read");
        execute(job(other));

        assertThat(failing).isWaitingAt("StartEvent_RevisionRequested");
        assertThat(job(failing)).hasRetries(job.getRetries() - 1).hasExceptionMessage();
        assertThat(other).isWaitingAt(ReconsiderProcess.TASK_RECONSIDER);
    }

    @Test
    void theJudgesAnswerIsRecordedWithTheirCompletion() throws Exception {
        ProcessInstance reconsider = started(3);
        complete(task(reconsider), withVariables(ReconsiderProcess.DECISION, ReconsiderProcess.DECISION_KEEP, ReconsiderProcess.REASON, ""));
        verify(record).execute(any());
        execute(job(reconsider)); // the instance ends in a job of its own
        assertThat(reconsider).hasPassed("Task_RecordRevision").isEnded();
        verify(noAnswer, never()).execute(any());
    }

    @Test
    void withoutAnAnswerByTheDeadlineTheReviewStaysAsItWas() throws Exception {
        ProcessInstance reconsider = started(4);
        execute(job(reconsider)); // the deadline
        execute(job(reconsider));
        assertThat(reconsider).hasPassed("Task_RecordNoAnswer").hasNotPassed("Task_RecordRevision").isEnded();
        verify(noAnswer).execute(any());
    }

    private ProcessInstance started(long revisionId) {
        ProcessInstance reconsider = start(revisionId);
        execute(job(reconsider));
        return reconsider;
    }

    private ProcessInstance start(long revisionId) {
        return engine.getRuntimeService().startProcessInstanceByKey(ReconsiderProcess.KEY, "call-1-round",
                Map.of(ReconsiderProcess.REVISION_ID, revisionId));
    }
}
