package org.awardeval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.demo.SampleData;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.OwnJvm;
import org.awardeval.support.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two application processes on one PostgreSQL database run a cycle together, every user acting through either node
 * and both job executors running: the processes are deployed once, both nodes execute jobs, every applicant gets
 * exactly one e-mail.
 */
@OwnJvm
@EnabledIf("org.awardeval.support.PostgresDatabase#enabled")
class TwoNodesPostgresIT {

    static final int APPLICATIONS = 24;
    /** Ten judges expert in every category, enough for three reviews of each application. */
    static final List<JudgeRegistration> JUDGES = SampleData.generatedJudges("rj", 10, 60, true, CycleDriver.PASSWORD);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final List<AppNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (AppNode node : nodes) {
            node.close();
        }
    }

    static Map<String, String> environment(GreenMailExtension smtp, String mailInterval) {
        return Map.of("AWARD_ADMIN_PASSWORD", HttpCycle.ADMIN_PASSWORD, "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()), "AWARD_MAIL_INTERVAL", mailInterval,
                "AWARD_POLL_INTERVAL", "PT5S", "AWARD_PROCESSES_DIR", "processes");
    }

    @Test
    void twoNodesRunOneCycleTogether() throws Exception {
        HttpCycle cycle = new HttpCycle(PostgresDatabase.create());
        for (String name : List.of("node-a", "node-b")) {
            // The job log, off by default, records the host that ran each job.
            Map<String, String> environment = new HashMap<>(environment(smtp, "PT1S"));
            environment.put("AWARD_HISTORY_DETAILS", "true");
            AppNode node = AppNode.start(name, cycle.database, PostgresDatabase.user(), environment, List.of());
            nodes.add(node);
            node.awaitReady(Duration.ofSeconds(120));
        }
        cycle.through(nodes);
        long callId = cycle.openCall("Two nodes", JUDGES);
        for (int i = 1; i <= APPLICATIONS; i++) {
            cycle.submitForm(callId, SampleData.generated(i));
        }
        cycle.runJobs();
        assertThat(cycle.confirmRedactions(callId)).isEqualTo(APPLICATIONS);
        assertThat(cycle.count("SELECT COUNT(*) FROM application WHERE status = 'READY'")).isEqualTo(APPLICATIONS);
        cycle.closeCall(callId);
        cycle.runJobs();
        assertThat(cycle.reviewAll(callId)).isEqualTo(3 * APPLICATIONS);
        cycle.runJobs();
        cycle.keepAllScores(callId);
        cycle.runJobs();
        assertThat(cycle.votePanel(callId)).isOne();
        cycle.runJobs();
        cycle.confirmWinners(callId);
        HttpCycle.await(() -> cycle.count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'") == APPLICATIONS,
                Duration.ofMinutes(2));
        Thread.sleep(3000);

        Mails.assertOnePerRecipient(smtp.getReceivedMessages(), APPLICATIONS);
        assertThat(cycle.count("SELECT COUNT(*) FROM award_call WHERE status = 'ANNOUNCED'")).isOne();
        assertThat(cycle.count("SELECT COUNT(*) FROM result WHERE winner")).isEqualTo(4);
        assertThat(cycle.count("SELECT COUNT(*) FROM act_re_deployment WHERE name_ = 'award-processes'")).as("deployments").isOne();
        assertThat(cycle.count("SELECT COUNT(*) FROM act_re_procdef WHERE version_ > 1")).isZero();
        assertThat(cycle.count("SELECT COUNT(*) FROM act_ru_incident")).isZero();
        assertThat(cycle.count("SELECT COUNT(DISTINCT hostname_) FROM act_hi_job_log WHERE job_state_ = 2")).as("nodes that ran jobs")
                .isEqualTo(2);
    }
}
