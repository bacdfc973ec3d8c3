package org.awardeval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
class TwoNodesPostgresTest {

    static final String ADMIN_PASSWORD = "two-nodes-admin";
    static final String PASSWORD = "secret";
    static final int APPLICATIONS = 24;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private final List<AppNode> nodes = new ArrayList<>();
    private String database;

    @AfterEach
    void stop() throws InterruptedException {
        for (AppNode node : nodes) {
            node.close();
        }
    }

    @Test
    void twoNodesRunOneCycleTogether() throws Exception {
        database = PostgresDatabase.create();
        Map<String, String> environment = Map.of("AWARD_ADMIN_PASSWORD", ADMIN_PASSWORD, "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(ServerSetupTest.SMTP.getPort()), "AWARD_MAIL_INTERVAL", "PT1S",
                "AWARD_POLL_INTERVAL", "PT5S", "AWARD_PROCESSES_DIR", "processes");
        AppNode a = AppNode.start("node-a", database, PostgresDatabase.user(), environment);
        nodes.add(a);
        a.awaitReady(Duration.ofSeconds(120));
        AppNode b = AppNode.start("node-b", database, PostgresDatabase.user(), environment);
        nodes.add(b);
        b.awaitReady(Duration.ofSeconds(120));

        // Users: the admin creates a coordinator and a chair; the coordinator registers the judges.
        Api adminA = new Api(a, "admin", ADMIN_PASSWORD);
        for (String[] user : List.of(new String[] {"coord", "coordinators"}, new String[] {"chair", "panel"})) {
            assertThat(adminA.post("/engine-rest/user/create", Map.of("profile", Map.of("id", user[0], "firstName", user[0],
                    "lastName", "Two", "email", user[0] + "@two.test"), "credentials", Map.of("password", PASSWORD))).status()).isEqualTo(204);
            assertThat(adminA.put("/engine-rest/group/" + user[1] + "/members/" + user[0]).status()).isEqualTo(204);
        }
        Api[] coordinator = {new Api(a, "coord", PASSWORD), new Api(b, "coord", PASSWORD)};
        for (int j = 1; j <= 10; j++) {
            Api.Answer judge = coordinator[j % 2].post("/api/judges", Map.of("userId", "nj" + j, "password", PASSWORD, "lastName",
                    "Judge " + j, "email", "nj" + j + "@two.test", "gender", j % 2 == 0 ? "F" : "M", "country", "Judge land " + j,
                    "region", "Region " + j % 3, "affiliation", "Judge institute " + j, "maxLoad", 20, "expertise",
                    List.of("MC", "NC", "SC", "IU")));
            assertThat(judge.status()).as(judge.text()).isEqualTo(201);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Api.Answer call = coordinator[0].post("/api/calls", Map.of("callName", "Two nodes", "codePrefix", "TN", "submissionDeadline",
                now.plusDays(5).toString(), "reviewDeadline", now.plusDays(30).toString(), "reviewsPerApplication", 3,
                "winnersPerCategory", 1, "chairUserId", "chair"));
        assertThat(call.status()).as(call.text()).isEqualTo(201);
        long callId = call.body().get("callId").asLong();

        List<String> categories = List.of("MC", "NC", "SC", "IU");
        for (int i = 1; i <= APPLICATIONS; i++) {
            Api.Answer submitted = coordinator[i % 2].post("/api/calls/" + callId + "/applications", Map.of("organisationName",
                    "Twin University " + i, "organisationType", "HEI", "country", "Applicant land " + i, "categoryCode",
                    categories.get(i % 4), "contactName", "Contact " + i, "contactEmail", "applicant" + i + "@two.test", "title",
                    "Case " + i, "summary", "Summary " + i, "description", "Description " + i, "consent", true));
            assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        }
        completeAll(coordinator, "Task_CheckRedaction", APPLICATIONS, Map.of());
        await(() -> count("SELECT COUNT(*) FROM application WHERE status = 'READY'") == APPLICATIONS, Duration.ofMinutes(1));
        completeAll(coordinator, "Task_CloseCallEarly", 1, Map.of());
        await(() -> count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_ReviewApplication'") == 3L * APPLICATIONS,
                Duration.ofMinutes(2));

        int i = 0;
        for (int j = 1; j <= 10; j++) {
            for (AppNode node : nodes) {
                Api judge = new Api(node, "nj" + j, PASSWORD);
                for (JsonNode task : judge.get("/engine-rest/task?assignee=nj" + j).body()) {
                    int score = 1 + i++ % 5;
                    Map<String, Object> variables = new HashMap<>();
                    for (String criterion : List.of("innovation", "impact", "equity", "transferability", "sustainability")) {
                        variables.put("score_" + criterion, Map.of("value", score, "type", "Integer"));
                    }
                    variables.put("panelComment", Map.of("value", "Comment " + i, "type", "String"));
                    variables.put("applicantFeedback", Map.of("value", "Feedback " + i, "type", "String"));
                    variables.put("confidence", Map.of("value", "HIGH", "type", "String"));
                    Api.Answer done = judge.post("/engine-rest/task/" + task.get("id").asText() + "/complete", Map.of("variables", variables));
                    assertThat(done.status()).as(done.text()).isEqualTo(204);
                }
            }
        }
        await(() -> count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_PanelVote'") == 1, Duration.ofMinutes(2));
        Api chairB = new Api(b, "chair", PASSWORD);
        JsonNode vote = chairB.get("/engine-rest/task?assignee=chair&taskDefinitionKey=Task_PanelVote").body().get(0);
        assertThat(chairB.post("/engine-rest/task/" + vote.get("id").asText() + "/complete", Map.of("variables",
                Map.of("votes", Map.of("value", "[]", "type", "Json")))).status()).isEqualTo(204);
        await(() -> count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_ConfirmWinners'") == 1, Duration.ofMinutes(1));
        Api chairA = new Api(a, "chair", PASSWORD);
        JsonNode confirm = chairA.get("/engine-rest/task?assignee=chair&taskDefinitionKey=Task_ConfirmWinners").body().get(0);
        String proposed = chairA.get("/engine-rest/task/" + confirm.get("id").asText() + "/variables/proposedWinners?deserializeValue=false")
                .body().get("value").asText();
        Api.Answer confirmed = chairA.post("/engine-rest/task/" + confirm.get("id").asText() + "/complete", Map.of("variables",
                Map.of("winners", Map.of("value", proposed, "type", "Json"))));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(204);

        await(() -> count("SELECT COUNT(*) FROM notification WHERE status = 'SENT'") == APPLICATIONS, Duration.ofMinutes(2));
        Thread.sleep(3000);

        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Long> perRecipient = Arrays.stream(received).collect(Collectors.groupingBy(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Collectors.counting()));
        assertThat(perRecipient).hasSize(APPLICATIONS).allSatisfy((recipient, mails) -> assertThat(mails).as(recipient).isOne());
        assertThat(count("SELECT COUNT(*) FROM award_call WHERE status = 'ANNOUNCED'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM result WHERE winner")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM act_re_deployment WHERE name_ = 'award-processes'")).as("deployments").isOne();
        assertThat(count("SELECT COUNT(*) FROM act_re_procdef WHERE version_ > 1")).isZero();
        assertThat(count("SELECT COUNT(*) FROM act_ru_incident")).isZero();
        assertThat(count("SELECT COUNT(DISTINCT hostname_) FROM act_hi_job_log WHERE job_state_ = 2")).as("nodes that ran jobs").isEqualTo(2);
    }

    private void completeAll(Api[] apis, String taskKey, int expected, Map<String, Object> variables) throws Exception {
        await(() -> count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = '" + taskKey + "'") == expected, Duration.ofMinutes(1));
        JsonNode tasks = apis[0].get("/engine-rest/task?taskDefinitionKey=" + taskKey).body();
        assertThat(tasks.size()).isEqualTo(expected);
        int n = 0;
        for (JsonNode task : tasks) {
            Api.Answer done = apis[n++ % 2].post("/engine-rest/task/" + task.get("id").asText() + "/complete", Map.of("variables", variables));
            assertThat(done.status()).as(done.text()).isEqualTo(204);
        }
    }

    private long count(String sql) {
        try (Connection connection = DriverManager.getConnection(database, PostgresDatabase.user(), "");
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void await(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(300);
        }
    }
}
