package org.awardeval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awardeval.support.PostgresDatabase;

/**
 * A cycle driven over HTTP against application processes, every user acting through the node the test picks, and
 * checked in the database directly.
 */
final class RemoteCycle {

    static final String ADMIN_PASSWORD = "remote-admin";
    static final String PASSWORD = "secret";
    static final int JUDGES = 10;
    private static final List<String> CATEGORIES = List.of("MC", "NC", "SC", "IU");

    final String database;
    long callId;

    RemoteCycle(String database) {
        this.database = database;
    }

    /** The admin creates a coordinator and a chair; the coordinator registers the judges and opens the call. */
    void prepare(AppNode node) throws Exception {
        Api admin = new Api(node, "admin", ADMIN_PASSWORD);
        for (String[] user : List.of(new String[] {"coord", "coordinators"}, new String[] {"chair", "panel"})) {
            assertThat(admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", user[0], "firstName", user[0],
                    "lastName", "Remote", "email", user[0] + "@remote.test"), "credentials", Map.of("password", PASSWORD))).status())
                    .isEqualTo(204);
            assertThat(admin.put("/engine-rest/group/" + user[1] + "/members/" + user[0]).status()).isEqualTo(204);
        }
        Api coordinator = coordinator(node);
        for (int j = 1; j <= JUDGES; j++) {
            Api.Answer judge = coordinator.post("/api/judges", Map.of("userId", "rj" + j, "password", PASSWORD, "lastName",
                    "Judge " + j, "email", "rj" + j + "@remote.test", "gender", j % 2 == 0 ? "F" : "M", "country", "Judge land " + j,
                    "region", "Region " + j % 3, "affiliation", "Judge institute " + j, "maxLoad", 200, "expertise", CATEGORIES));
            assertThat(judge.status()).as(judge.text()).isEqualTo(201);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Api.Answer call = coordinator.post("/api/calls", Map.of("callName", "Remote cycle", "codePrefix", "RC", "submissionDeadline",
                now.plusDays(5).toString(), "reviewDeadline", now.plusDays(30).toString(), "reviewsPerApplication", 3,
                "winnersPerCategory", 1, "chairUserId", "chair"));
        assertThat(call.status()).as(call.text()).isEqualTo(201);
        callId = call.body().get("callId").asLong();
    }

    static Api coordinator(AppNode node) {
        return new Api(node, "coord", PASSWORD);
    }

    void submit(List<AppNode> nodes, int applications) throws Exception {
        for (int i = 1; i <= applications; i++) {
            Api.Answer submitted = coordinator(nodes.get(i % nodes.size())).post("/api/calls/" + callId + "/applications",
                    Map.of("organisationName", "Remote University " + i, "organisationType", "HEI", "country", "Applicant land " + i,
                            "categoryCode", CATEGORIES.get(i % 4), "contactName", "Contact " + i, "contactEmail",
                            "applicant" + i + "@remote.test", "title", "Case " + i, "summary", "Summary " + i, "description",
                            "Description " + i, "consent", true));
            assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        }
    }

    /** The coordinator completes every open task of this kind, alternating nodes. */
    void completeAll(List<AppNode> nodes, String taskKey, int expected) throws Exception {
        await(() -> count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = '" + taskKey + "'") == expected, Duration.ofMinutes(2));
        JsonNode tasks = coordinator(nodes.get(0)).get("/engine-rest/task?taskDefinitionKey=" + taskKey).body();
        assertThat(tasks.size()).isEqualTo(expected);
        int n = 0;
        for (JsonNode task : tasks) {
            Api.Answer done = coordinator(nodes.get(n++ % nodes.size())).post("/engine-rest/task/" + task.get("id").asText() + "/complete",
                    Map.of("variables", Map.of()));
            assertThat(done.status()).as(done.text()).isEqualTo(204);
        }
    }

    /** Every judge scores every review task they hold, through the nodes in turn. */
    void reviewAll(List<AppNode> nodes) throws Exception {
        int i = 0;
        for (int j = 1; j <= JUDGES; j++) {
            Api judge = new Api(nodes.get(j % nodes.size()), "rj" + j, PASSWORD);
            for (JsonNode task : judge.get("/engine-rest/task?maxResults=1000&assignee=rj" + j).body()) {
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

    /** The chair votes on one node and confirms the panel's proposal on another. */
    void voteAndConfirm(AppNode voteOn, AppNode confirmOn) throws Exception {
        await(() -> count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_PanelVote'") == 1, Duration.ofMinutes(2));
        Api voter = new Api(voteOn, "chair", PASSWORD);
        JsonNode vote = voter.get("/engine-rest/task?assignee=chair&taskDefinitionKey=Task_PanelVote").body().get(0);
        assertThat(voter.post("/engine-rest/task/" + vote.get("id").asText() + "/complete", Map.of("variables",
                Map.of("votes", Map.of("value", "[]", "type", "Json")))).status()).isEqualTo(204);
        await(() -> count("SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_ConfirmWinners'") == 1, Duration.ofMinutes(1));
        Api chair = new Api(confirmOn, "chair", PASSWORD);
        JsonNode confirm = chair.get("/engine-rest/task?assignee=chair&taskDefinitionKey=Task_ConfirmWinners").body().get(0);
        String proposed = chair.get("/engine-rest/task/" + confirm.get("id").asText() + "/variables/proposedWinners?deserializeValue=false")
                .body().get("value").asText();
        Api.Answer confirmed = chair.post("/engine-rest/task/" + confirm.get("id").asText() + "/complete", Map.of("variables",
                Map.of("winners", Map.of("value", proposed, "type", "Json"))));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(204);
    }

    long count(String sql) {
        try (Connection connection = DriverManager.getConnection(database, PostgresDatabase.user(), "");
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void await(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        await(condition, timeout, Duration.ofMillis(200));
    }

    static void await(Supplier<Boolean> condition, Duration timeout, Duration every) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(every.toMillis());
        }
    }
}
