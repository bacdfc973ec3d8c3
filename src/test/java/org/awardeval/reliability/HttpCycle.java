package org.awardeval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.PostgresDatabase;
import org.camunda.bpm.engine.variable.value.SerializableValue;

/**
 * The cycle played over HTTP against application processes: every user signs in with their password and acts through
 * the nodes in turn (or the ones the test picks); the job executors run the jobs. Checked in the database directly.
 */
final class HttpCycle extends CycleDriver {

    static final String ADMIN_PASSWORD = "remote-admin";

    final String database;
    private List<AppNode> nodes = List.of();
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<Long, List<String>> codes = new ConcurrentHashMap<>();

    HttpCycle(String database) {
        this.database = database;
    }

    /** The users act through these nodes from now on, in turn. */
    HttpCycle through(List<AppNode> acting) {
        this.nodes = List.copyOf(acting);
        return this;
    }

    private Api as(String user) {
        AppNode node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
        return new Api(node, user, user.equals("admin") ? ADMIN_PASSWORD : PASSWORD);
    }

    /** The admin creates the coordinator and the chair in Admin's REST API; the coordinator registers the judges. */
    @Override
    public void ensureUsers(List<JudgeRegistration> judges) {
        Api admin = as("admin");
        for (String[] user : List.of(new String[] {COORDINATOR, "coordinators"}, new String[] {CHAIR, "panel"})) {
            if (call(() -> admin.get("/engine-rest/user/" + user[0] + "/profile")).status() == 200) {
                continue;
            }
            Api.Answer created = call(() -> admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", user[0], "firstName",
                    user[0], "lastName", "Remote", "email", user[0] + "@remote.test"), "credentials", Map.of("password", PASSWORD))));
            assertThat(created.status()).as(created.text()).isEqualTo(204);
            assertThat(call(() -> admin.put("/engine-rest/group/" + user[1] + "/members/" + user[0])).status()).isEqualTo(204);
        }
        for (JudgeRegistration judge : judges) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("userId", judge.userId(), "password", judge.password(), "firstName",
                    judge.firstName(), "lastName", judge.lastName(), "email", judge.email(), "gender", judge.gender(), "country",
                    judge.country(), "region", judge.region(), "affiliation", judge.affiliation()));
            body.putAll(Map.of("maxLoad", judge.maxLoad(), "expertise", judge.expertise()));
            Api.Answer registered = call(() -> as(COORDINATOR).post("/api/judges", body));
            assertThat(registered.status()).as(registered.text()).isIn(200, 201);
        }
    }

    @Override
    public long open(CallRequest call) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("callName", call.callName(), "codePrefix", call.codePrefix(),
                "submissionDeadline", call.submissionDeadline().toString(), "reviewDeadline", call.reviewDeadline().toString(),
                "reviewsPerApplication", call.reviewsPerApplication(), "winnersPerCategory", call.winnersPerCategory(), "chairUserId",
                call.chairUserId()));
        Api.Answer opened = call(() -> as(COORDINATOR).post("/api/calls", body));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return opened.body().get("callId").asLong();
    }

    @Override
    public String submitForm(long callId, ApplicationForm form) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("organisationName", form.organisationName(), "organisationType",
                form.organisationType(), "country", form.country(), "categoryCode", form.categoryCode(), "contactName", form.contactName(),
                "contactEmail", form.contactEmail(), "title", form.title(), "summary", form.summary(), "description", form.description()));
        body.put("consent", form.consent());
        Api.Answer submitted = call(() -> as(COORDINATOR).post("/api/calls/" + callId + "/applications", body));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String code = submitted.body().get("reference").asText();
        codes.computeIfAbsent(callId, id -> new CopyOnWriteArrayList<>()).add(code);
        return code;
    }

    @Override
    protected List<OpenTask> tasks(String taskKey) {
        Api coordinator = as(COORDINATOR);
        JsonNode tasks = ok(call(() -> coordinator.get("/engine-rest/task?maxResults=100000&sortBy=created&sortOrder=asc"
                + "&taskDefinitionKey=" + taskKey)));
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<String> instances = new ArrayList<>();
        tasks.forEach(task -> instances.add(task.get("processInstanceId").asText()));
        Map<String, String> businessKeys = new HashMap<>();
        ok(call(() -> coordinator.post("/engine-rest/process-instance?maxResults=100000", Map.of("processInstanceIds", instances))))
                .forEach(instance -> businessKeys.put(instance.get("id").asText(), text(instance.get("businessKey"))));
        Map<String, String> codes = new HashMap<>();
        ok(call(() -> coordinator.post("/engine-rest/variable-instance?maxResults=100000", Map.of("variableName", "applicationCode",
                "processInstanceIdIn", instances)))).forEach(variable -> codes.put(variable.get("processInstanceId").asText(),
                        text(variable.get("value"))));
        List<OpenTask> open = new ArrayList<>();
        tasks.forEach(task -> open.add(new OpenTask(task.get("id").asText(), text(task.get("assignee")),
                businessKeys.get(task.get("processInstanceId").asText()), codes.get(task.get("processInstanceId").asText()))));
        return open;
    }

    private static JsonNode ok(Api.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Values typed as Tasklist's forms send them: numbers as Integer, lists as Json. */
    @Override
    public void completeAs(String userId, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, value instanceof Integer || value instanceof Boolean
                ? Map.of("value", value, "type", value.getClass().getSimpleName())
                : value instanceof SerializableValue json ? Map.of("value", json.getValueSerialized() != null ? json.getValueSerialized()
                        : json.getValue().toString(), "type", "Json")
                : Map.of("value", value.toString(), "type", "String")));
        Api.Answer done = call(() -> as(userId).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed)));
        assertThat(done.status()).as(done.text()).isEqualTo(204);
    }

    @Override
    protected String taskVariable(String userId, String taskId, String name) {
        Api.Answer answer = call(() -> as(userId).get("/engine-rest/task/" + taskId + "/variables/" + name + "?deserializeValue=false"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body().get("value").asText();
    }

    @Override
    protected Set<String> codes(long callId) {
        return Set.copyOf(codes.getOrDefault(callId, List.of()));
    }

    /** The job executors run on their own, some steps after a poll: waits up to two minutes for the first task. */
    @Override
    protected List<OpenTask> awaitAny(Supplier<List<OpenTask>> query) {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<OpenTask> found = query.get();
        while (found.isEmpty() && System.nanoTime() < end) {
            sleep(250);
            found = query.get();
        }
        return found;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the job executors have run every job that is due. */
    @Override
    public void runJobs() {
        try {
            await(() -> count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 "
                    + "AND (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP)") == 0, Duration.ofMinutes(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private interface Request {
        Api.Answer send() throws Exception;
    }

    private static Api.Answer call(Request request) {
        try {
            return request.send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
