package org.awardeval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awardeval.demo.SampleData;
import org.awardeval.support.OwnJvm;
import org.awardeval.support.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application runs as its own process on PostgreSQL and is killed with SIGKILL while it assigns the judges, and
 * again while it announces the results; each time a new process takes over. The cycle completes, no application is
 * lost, and every applicant gets exactly one e-mail.
 */
@OwnJvm
@EnabledIf("org.awardeval.support.PostgresDatabase#enabled")
class CrashRecoveryPostgresIT {

    // 80 in the suite; -Dcrash.applications=120 is the size of docs/RELIABILITY.md's first run.
    static final int APPLICATIONS = Integer.getInteger("crash.applications", 80);
    /** A killed node's jobs stay locked this long before another node takes them. */
    static final List<String> SHORT_LOCKS = List.of("--camunda.bpm.job-execution.lock-time-in-millis=8000");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final List<AppNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (AppNode node : nodes) {
            node.close();
        }
    }

    /** Starts a node; the users act through it from now on. */
    private AppNode start(String name, HttpCycle cycle, String mailInterval) throws Exception {
        AppNode node = AppNode.start(name, cycle.database, PostgresDatabase.user(), TwoNodesPostgresIT.environment(smtp, mailInterval),
                SHORT_LOCKS);
        nodes.add(node);
        node.awaitReady(Duration.ofSeconds(120));
        cycle.through(List.of(node));
        return node;
    }

    @Test
    void killedWhileAssigningAndWhileAnnouncingTheCycleStillEndsWithOneMailEach() throws Exception {
        HttpCycle cycle = new HttpCycle(PostgresDatabase.create());
        // The nodes to be killed send no e-mail: the kills are meant for the assignment and the announcement.
        AppNode first = start("first", cycle, "PT1H");
        long callId = cycle.openCall("Crash recovery", TwoNodesPostgresIT.JUDGES);
        for (int i = 1; i <= APPLICATIONS; i++) {
            cycle.submitForm(callId, SampleData.generated(i));
        }
        cycle.runJobs();
        assertThat(cycle.confirmRedactions(callId)).isEqualTo(APPLICATIONS);
        assertThat(cycle.count("SELECT COUNT(*) FROM application WHERE status = 'READY'")).isEqualTo(APPLICATIONS);
        cycle.closeCall(callId);
        killWhileRunning(first, cycle, "Task_AssignJudges");
        assertThat(cycle.count("SELECT COUNT(*) FROM assignment")).as("the killed assignment left nothing half-written").isZero();

        AppNode second = start("second", cycle, "PT1H");
        HttpCycle.await(() -> cycle.count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_ReviewApplication'")
                == 3L * APPLICATIONS, Duration.ofMinutes(2));
        assertThat(cycle.count("SELECT COUNT(*) FROM assignment")).isEqualTo(3L * APPLICATIONS);
        assertThat(cycle.reviewAll(callId)).isEqualTo(3 * APPLICATIONS);
        cycle.runJobs();
        cycle.keepAllScores(callId);
        cycle.runJobs();
        assertThat(cycle.votePanel(callId)).isOne();
        cycle.runJobs();
        cycle.confirmWinners(callId);
        killWhileRunning(second, cycle, "Task_Announce");

        start("third", cycle, "PT1S");
        HttpCycle.await(() -> cycle.count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'") == APPLICATIONS,
                Duration.ofMinutes(3));
        Thread.sleep(3000);
        Mails.assertOnePerRecipient(smtp.getReceivedMessages(), APPLICATIONS);
        assertThat(cycle.count("SELECT COUNT(*) FROM application")).isEqualTo(APPLICATIONS);
        assertThat(cycle.count("SELECT COUNT(*) FROM result")).isEqualTo(APPLICATIONS);
        assertThat(cycle.count("SELECT COUNT(*) FROM award_call WHERE status = 'ANNOUNCED'")).isOne();
        assertThat(cycle.count("SELECT COUNT(*) FROM act_ru_incident")).isZero();
        assertThat(cycle.count("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'AwardCycle' AND end_act_id_ = 'EndEvent_Announced'"))
                .isOne();
    }

    /** Kills the node once it has locked the job of this activity and is executing it, before it commits. */
    private void killWhileRunning(AppNode node, HttpCycle cycle, String activity) throws Exception {
        String jobs = "SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE d.act_id_ = '" + activity + "'";
        // Looked for every few milliseconds on one connection: announcing 120 applications can take a fifth of a second,
        // shorter than a look through a new connection each time.
        try (Connection connection = DriverManager.getConnection(cycle.database, PostgresDatabase.user(), "");
                PreparedStatement locked = connection.prepareStatement(jobs + " AND j.lock_owner_ IS NOT NULL")) {
            HttpCycle.await(() -> {
                try (ResultSet rs = locked.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, Duration.ofMinutes(1), Duration.ofMillis(2));
        }
        node.kill();
        assertThat(cycle.count(jobs)).as("the job of %s was still running when the node died", activity).isOne();
    }
}
