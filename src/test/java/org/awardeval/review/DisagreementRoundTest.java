package org.awardeval.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.awardeval.demo.SampleData;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The disagreement round: one reconsider instance per judge asked, each on its own, and the cycle waits for all. */
@H2Test
class DisagreementRoundTest {

    @Autowired InProcessCycle driver;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    void judgesWhoLetTheDeadlinePassKeepTheirReviewsAndTheLastDeadlineOpensTheBallots() {
        long callId = driver.openCall("Silent round " + System.nanoTime());
        SampleData.sixEligible("sr").forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        driver.reviewAll(callId);
        driver.runJobs();
        String cycle = driver.cycleInstance(callId);
        List<ProcessInstance> round = runtimeService.createProcessInstanceQuery().processDefinitionKey(ReconsiderProcess.KEY)
                .processInstanceBusinessKey(DisagreementRound.businessKey(callId)).list();
        assertThat(round).isNotEmpty();
        assertThat(round.size()).isEqualTo(open(callId));
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(cycle).count()).isZero();
        List<String> totalsBefore = totals(callId);

        for (int i = 0; i < round.size(); i++) {
            assertThat(ballots(cycle)).as("ballots before the round's last deadline").isZero();
            driver.fire(round.get(i).getId(), "Event_RevisionDeadline");
        }

        assertThat(ballots(cycle)).isEqualTo(((List<?>) runtimeService.getVariable(cycle, AwardCycleProcess.PANEL_MEMBERS)).size());
        assertThat(open(callId)).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT status FROM review_revision WHERE call_id = ?").param(callId).query(String.class).list())
                .containsExactly("EXPIRED");
        assertThat(totals(callId)).isEqualTo(totalsBefore);
        String code = jdbc.sql("SELECT a.code FROM review_revision r JOIN application a ON a.id = r.application_id WHERE r.call_id = ?"
                + " ORDER BY a.code FETCH FIRST 1 ROW ONLY").param(callId).query(String.class).single();
        String audit = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD).getForObject("/api/calls/" + callId + "/audit.csv",
                String.class);
        assertThat(audit).containsPattern("Reconsider " + code + "\"?,\"?" + code + "\"?,\"?J-\\d+ did not answer");
    }

    private int open(long callId) {
        return jdbc.sql("SELECT COUNT(*) FROM review_revision WHERE call_id = ? AND status = 'OPEN'").param(callId).query(Integer.class)
                .single();
    }

    private List<String> totals(long callId) {
        return jdbc.sql("SELECT CAST(total AS VARCHAR(20)) FROM review WHERE call_id = ? ORDER BY id").param(callId).query(String.class)
                .list();
    }

    private long ballots(String cycle) {
        return taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).count();
    }
}
