package org.awardeval.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The announcement stays one short transaction however many applications a call has: the call and each application
 * are announced at once, and the applications go on to tell their applicants in the engine's batch jobs, ten to a job.
 */
@H2Test
class AnnouncementJobsTest {

    @Autowired InProcessCycle driver;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;

    @Test
    void theCallIsAnnouncedAtOnceAndTheApplicationsLearnTheirResultsInBatchJobs() {
        long callId = driver.openCall("Announced in jobs " + System.nanoTime());
        List<String> codes = CycleDriver.realistic(4).stream().map(form -> driver.submitForm(callId, form)).toList();
        driver.runToPanelVote(callId);
        driver.votePanel(callId);
        driver.runJobs();
        driver.confirmWinners(callId);

        Job announce = managementService.createJobQuery().processInstanceId(driver.cycleInstance(callId)).activityId("Task_Announce")
                .singleResult();
        Set<String> batchesBefore = correlationBatches();
        managementService.executeJob(announce.getId());

        assertThat(jdbc.sql("SELECT status FROM award_call WHERE id = ?").param(callId).query(String.class).single()).isEqualTo("ANNOUNCED");
        assertThat(statuses(codes)).allMatch(status -> status.equals("AWARDED") || status.equals("NOT_AWARDED")).hasSize(4);
        // Nothing of the applications' own moved in the announcing transaction: each still waits for its correlation.
        for (String code : codes) {
            assertThat(runtimeService.createExecutionQuery().processInstanceBusinessKey(code).activityId("Event_ResultAnnounced").count())
                    .as(code).isEqualTo(1);
        }
        assertThat(resultMails(codes)).isZero();
        // The four correlations in one job of the engine's batch, not one job each.
        Set<String> batches = correlationBatches();
        batches.removeAll(batchesBefore);
        Batch batch = managementService.createBatchQuery().batchId(batches.iterator().next()).singleResult();
        assertThat(batch.getTotalJobs()).isEqualTo(1);
        assertThat(batch.getInvocationsPerBatchJob()).isEqualTo(10);

        driver.runJobs();
        for (String code : codes) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).as(code).isZero();
        }
        assertThat(resultMails(codes)).isEqualTo(4);
    }

    private Set<String> correlationBatches() {
        return managementService.createBatchQuery().type(Batch.TYPE_CORRELATE_MESSAGE).list().stream().map(Batch::getId)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private List<String> statuses(List<String> codes) {
        return jdbc.sql("SELECT status FROM application WHERE code IN (:codes)").param("codes", codes).query(String.class).list();
    }

    private long resultMails(List<String> codes) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE application_code IN (:codes) AND kind = 'RESULT'").param("codes", codes)
                .query(Long.class).single();
    }
}
