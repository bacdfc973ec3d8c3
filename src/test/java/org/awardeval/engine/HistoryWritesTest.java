package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.awardeval.demo.SampleData;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History keeps what the audit and Cockpit read, and leaves out variable change details, the job log and review variables. */
@H2Test
class HistoryWritesTest {

    @Autowired InProcessCycle driver;
    @Autowired HistoryService historyService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired ProcessEngine engine;

    @Test
    void theEngineMakesNoEventOfWhatHistoryLeavesOutAndTheDatabaseKeepsTheFullLevel() {
        HistoryLevel level = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getHistoryLevel();

        assertThat(level).isInstanceOf(HistoryWrites.FullWithoutDetails.class);
        assertThat(level.getName()).isEqualTo("full");
        assertThat(managementService.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
        assertThat(List.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_FAIL,
                HistoryEventTypes.JOB_DELETE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL))
                .noneMatch(type -> level.isHistoryEventProduced(type, null));
        assertThat(List.of(HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
                HistoryEventTypes.VARIABLE_INSTANCE_CREATE, HistoryEventTypes.DMN_DECISION_EVALUATE, HistoryEventTypes.USER_OPERATION_LOG))
                .allMatch(type -> level.isHistoryEventProduced(type, null));
    }

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
        driver.runToReviews(callId);
        String application = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
        String openReview = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(application).unfinished().list()
                .get(0).getId();

        // The engine does not make the events of a review's variables; the application's variables it does.
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        HistoryLevel level = configuration.getHistoryLevel();
        configuration.getCommandExecutorTxRequired().execute(context -> {
            VariableInstanceManager variables = context.getVariableInstanceManager();
            assertThat(variables.findVariableInstancesByProcessInstanceId(openReview)).isNotEmpty()
                    .noneMatch(variable -> level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, variable));
            assertThat(variables.findVariableInstancesByProcessInstanceId(application)).isNotEmpty()
                    .allMatch(variable -> level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, variable));
            return null;
        });

        driver.finishReviews(callId);
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
