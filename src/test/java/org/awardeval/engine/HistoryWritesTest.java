package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.awardeval.demo.SampleData;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History keeps what the audit and Cockpit read, and leaves out variable change details, the job log and review variables. */
@H2Test
class HistoryWritesTest {

    @Autowired InProcessCycle driver;
    @Autowired HistoryService historyService;
    @Autowired RuntimeService runtimeService;

    @Test
    void anApplicationsHistoryHasItsStepsTasksDecisionAndVariablesButNoDetailsOrJobLog() {
        long callId = driver.openCall("History");
        String code = driver.submit(callId, SampleData.sixEligible("hst").get(0)).code();
        driver.confirmRedactions(callId);
        String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();

        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Task_ReportSettled")
                .finished().count()).isOne();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).taskDefinitionKey("Task_CheckRedaction")
                .finished().count()).isOne();
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance).count()).isOne();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("applicationCode")
                .singleResult().getValue()).isEqualTo(code);
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(instance).operationType("Complete").count()).isOne();

        assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aReviewKeepsItsStepsAndTaskButNoVariableHistoryAndEndsCleanly() {
        long callId = driver.openCall("Review history");
        String code = driver.submit(callId, SampleData.sixEligible("rvh").get(0)).code();
        driver.runToPanelVote(callId);
        String application = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        List<HistoricProcessInstance> reviews = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(application)
                .list();

        assertThat(reviews).hasSize(3).allSatisfy(review -> {
            assertThat(review.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
            assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(review.getId())
                    .taskDefinitionKey("Task_ReviewApplication").finished().count()).isOne();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(review.getId())
                    .activityId("Task_RecordReview").finished().count()).isOne();
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(review.getId()).count()).isZero();
        });
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(application).variableName("applicationCode")
                .count()).isOne();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }
}
