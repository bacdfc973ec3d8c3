package org.awardeval.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.awardeval.call.CallService;
import org.awardeval.demo.SampleData;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every job has a due date that an index answers, a job written without one is not left behind, subtasks are indexed. */
@H2Test
class EngineIndexesTest {

    @Autowired InProcessCycle driver;
    @Autowired ManagementService managementService;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired EngineIndexes plugin;
    @Autowired JdbcClient jdbc;

    @Test
    void theJobsAndTasksTablesHaveTheirIndexes() {
        assertThat(jdbc.sql("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME IN (?, ?)")
                .params(EngineIndexes.JOB_DUE_DATE, EngineIndexes.TASK_PARENT).query(String.class).list())
                .containsExactlyInAnyOrder(EngineIndexes.JOB_DUE_DATE, EngineIndexes.TASK_PARENT);
    }

    @Test
    void everyNewJobHasADueDateAndAnUndatedOneIsDatedAtStart() {
        long callId = driver.openCall("Job due dates");
        driver.submit(callId, SampleData.sixEligible("jdd").get(0));
        assertThat(managementService.createJobQuery().list()).isNotEmpty().allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());

        // A job of this call, as a version that did not date every job would have written it.
        String cycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .singleResult().getId();
        Job deadline = managementService.createJobQuery().processInstanceId(cycle).timers().list().get(0);
        jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?").param(deadline.getId()).update();
        plugin.postProcessEngineBuild(engine);
        assertThat(managementService.createJobQuery().jobId(deadline.getId()).executable().count()).isOne();

        jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?").params(deadline.getDuedate(), deadline.getId()).update();
    }
}
