package org.awardeval.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.awardeval.AwardEvaluationApplication;
import org.awardeval.assignment.JudgeService;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.deliberation.PanelService.PanelRegistration;
import org.awardeval.deliberation.PanelService;
import org.awardeval.demo.SampleData;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.submission.SubmissionService;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.PostgresDatabase;
import org.awardeval.tasklist.TaskFilters;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A whole award cycle on PostgreSQL with simulated users acting through the engine as themselves, and the engine's
 * floor measured in the same run: the rate of the simplest process instance (start, one service task, end). Prints
 * progress, then one JSON line. Run with bench/cycle.sh; the figures are in docs/BENCHMARKS.md.
 */
public final class CycleBenchmark {

    static final String PASSWORD = "bench";
    static final String COORDINATOR = "benchcoordinator";
    static final String CHAIR = "benchchair";

    private final int applications;
    private final int judges;
    private final int reviews;
    private final int threads;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final AtomicLong peakHeap = new AtomicLong();
    private ConfigurableApplicationContext app;
    private JdbcClient jdbc;
    private TaskService taskService;
    private RuntimeService runtimeService;
    private InProcessCycle driver;
    private String baseUrl;

    CycleBenchmark(int applications, int judges, int reviews, int threads) {
        this.applications = applications;
        this.judges = judges;
        this.reviews = reviews;
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>(Map.of("applications", 10_000, "judges", 500, "reviews", 3, "threads", 8));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!options.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; options: " + options.keySet()
                        + ", e.g. --applications 1000 --judges 100");
            }
            options.put(name, Integer.parseInt(args[++i]));
        }
        CycleBenchmark benchmark = new CycleBenchmark(options.get("applications"), options.get("judges"), options.get("reviews"),
                options.get("threads"));
        try {
            benchmark.run();
        } finally {
            if (benchmark.app != null) {
                benchmark.app.close();
            }
        }
        // The last line: the figures, after the application has logged its shutdown.
        System.out.println(new ObjectMapper().writeValueAsString(benchmark.figures));
        System.exit(0);
    }

    void run() throws Exception {
        Thread sampler = new Thread(() -> {
            while (true) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        String url = PostgresDatabase.create();
        long startup = System.nanoTime();
        // As command-line arguments, these win over application.yml and the environment.
        app = new SpringApplicationBuilder(AwardEvaluationApplication.class).profiles("postgres")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresDatabase.user(),
                        "--spring.datasource.password=", "--award.admin-password=bench-admin", "--server.port=0",
                        "--award.processes-watch=false", "--award.poll-interval=PT10S", "--logging.level.root=WARN");
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        int status = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        figures.put("applications", applications);
        figures.put("judges", judges);
        figures.put("reviews_per_application", reviews);
        figures.put("threads", threads);
        figures.put("startup_s", seconds(startup));
        progress("started on a new PostgreSQL database in %.1f s, Tasklist answers %d", seconds(startup), status);

        jdbc = app.getBean(JdbcClient.class);
        taskService = app.getBean(TaskService.class);
        runtimeService = app.getBean(RuntimeService.class);
        driver = app.getBean(InProcessCycle.class);
        analyzeLikeAutovacuum();
        setUpPeople();
        baseline();
        fiveActions();
        cycle();

        figures.put("peak_heap_mb", peakHeap.get() / (1024 * 1024));
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        double wall = (double) figures.get("wall_s");
        double perInstance = 1 / (double) figures.get("baseline_instances_per_s");
        double cost = wall / applications / perInstance;
        figures.put("cost_per_application", round(cost, 2));
        figures.put("cost_over_five_actions", round(cost / (double) figures.get("five_actions_cost_per_application"), 2));
    }

    /**
     * Without statistics PostgreSQL's planner takes a table of 600,000 variables for a few hundred rows and reads an
     * index over all of them for each instance (357 ms instead of 0.1 ms). Autovacuum keeps the statistics; where the
     * server runs without it, the benchmark analyzes each table when autovacuum would: after 10 % of it changed.
     */
    private void analyzeLikeAutovacuum() {
        boolean autovacuum = "on".equals(jdbc.sql("SHOW autovacuum").query(String.class).single());
        figures.put("autovacuum", autovacuum ? "on" : "off: the benchmark analyzes");
        if (autovacuum) {
            return;
        }
        Thread analyzer = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(30_000);
                    for (String table : jdbc.sql("SELECT relname FROM pg_stat_user_tables "
                            + "WHERE n_mod_since_analyze > 50 + 0.1 * n_live_tup").query(String.class).list()) {
                        jdbc.sql("ANALYZE " + table).update();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    progress("analyze: %s", e.getMessage());
                }
            }
        }, "analyzer");
        analyzer.setDaemon(true);
        analyzer.start();
        progress("autovacuum is off on this server: the benchmark analyzes changed tables every 30 s");
    }

    private void setUpPeople() {
        AccessSetup access = app.getBean(AccessSetup.class);
        access.ensureUser(COORDINATOR, "Bench", "Coordinator", "coordinator@bench.test", PASSWORD, Groups.COORDINATORS);
        JudgeService judgeService = app.getBean(JudgeService.class);
        int capacity = (int) Math.ceil(2.5 * applications * reviews / judges) + 5;
        SampleData.generatedJudges("bj", judges, capacity, false, PASSWORD).forEach(judgeService::register);
        PanelService panel = app.getBean(PanelService.class);
        for (String member : List.of(CHAIR, "benchpanel1", "benchpanel2", "benchpanel3", "benchpanel4")) {
            panel.register(new PanelRegistration(member, PASSWORD, "Panel", member, member + "@bench.test", "Academy " + member, "Iceland",
                    List.of()));
        }
        progress("%d judges and 5 panel members registered", judges);
    }

    /**
     * The floor: the simplest instance, started by as many threads as the users of the cycle. Its one expression is a
     * literal: the deployment check refuses the property read the baseline used before, and reading a variable would
     * add a query.
     */
    private void baseline() throws Exception {
        RepositoryService repositoryService = app.getBean(RepositoryService.class);
        repositoryService.createDeployment().name("benchmark-baseline").addModelInstance("baseline.bpmn",
                Bpmn.createExecutableProcess("BenchmarkBaseline").camundaHistoryTimeToLive(1).startEvent().serviceTask()
                        .camundaExpression("${true}").endEvent().done()).deploy();
        int count = Math.max(2_000, applications / 2);
        // Warmed up by threads as the rounds are, then three rounds: runs on this machine differ, so the median counts.
        parallel("baseline warm-up", 2_000, i -> runtimeService.startProcessInstanceByKey("BenchmarkBaseline"));
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            parallel("baseline instances", count, i -> runtimeService.startProcessInstanceByKey("BenchmarkBaseline"));
            double s = (System.nanoTime() - start) / 1e9;
            rates.add(count / s);
            progress("baseline round %d: %d instances in %.2f s, %.0f per second", round, count, s, count / s);
        }
        Collections.sort(rates);
        figures.put("baseline_instances", count);
        figures.put("baseline_instances_per_s", round(rates.get(1), 1));
        figures.put("baseline_rounds_per_s", rates.stream().map(rate -> round(rate, 1)).toList());
    }

    /**
     * The engine's own floor for a cycle: a bare process of the five user actions every application needs (submitted
     * with its form, a coordinator's check, three judges' reviews one after the other), with no service, decision,
     * timer or table of the application's, done by the same users with authorization on. Its cost per application, as
     * the cycle's, in baseline instances.
     */
    private void fiveActions() throws Exception {
        RepositoryService repositoryService = app.getBean(RepositoryService.class);
        repositoryService.createDeployment().name("benchmark-five-actions").addModelInstance("five-actions.bpmn",
                Bpmn.createExecutableProcess("BenchmarkFiveActions").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Check").camundaCandidateGroups(Groups.COORDINATORS)
                        .userTask("Review1").camundaAssignee("${judge1}").userTask("Review2").camundaAssignee("${judge2}")
                        .userTask("Review3").camundaAssignee("${judge3}").endEvent().done()).deploy();
        int count = Math.max(1_000, applications / 5);
        long start = System.nanoTime();
        parallel("five actions: submissions", count, i -> {
            ApplicationForm form = SampleData.generated(i);
            Map<String, Object> variables = new LinkedHashMap<>(Map.of("applicationId", (long) i, "callId", 0L,
                    "applicationCode", "FA-" + i, "applicationTitle", form.title(), "organisationName", form.organisationName(),
                    "organisationType", form.organisationType(), "country", form.country(), "categoryCode", form.categoryCode(),
                    "contactName", form.contactName(), "contactEmail", form.contactEmail()));
            variables.putAll(Map.of("judge1", judgeAt(i), "judge2", judgeAt(i + 1), "judge3", judgeAt(i + 2)));
            runtimeService.startProcessInstanceByKey("BenchmarkFiveActions", variables);
        });
        progress("five actions: %d submitted in %.1f s", count, seconds(start));
        List<Task> checks = taskService.createTaskQuery().processDefinitionKey("BenchmarkFiveActions").taskDefinitionKey("Check").list();
        parallel("five actions: checks", checks.size(), i -> driver.completeAs(COORDINATOR, checks.get(i).getId(), Map.of()));
        progress("five actions: checks done at %.1f s", seconds(start));
        // Each judge's scores stay on their own task, set and completed in one transaction; setting them skips the
        // authorization check, so the floor errs low.
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        int reviewed = 0;
        for (String review : List.of("Review1", "Review2", "Review3")) {
            List<Task> open = taskService.createTaskQuery().processDefinitionKey("BenchmarkFiveActions").taskDefinitionKey(review).list();
            Collections.shuffle(open, new Random(7));
            parallel("five actions: " + review, open.size(), i -> transaction.executeWithoutResult(status -> {
                taskService.setVariablesLocal(open.get(i).getId(), CycleDriver.review(1 + (i * 7) % 5));
                driver.completeAs(open.get(i).getAssignee(), open.get(i).getId(), Map.of());
            }));
            reviewed += open.size();
            progress("five actions: %s done at %.1f s", review, seconds(start));
        }
        double s = (System.nanoTime() - start) / 1e9;
        long left = runtimeService.createProcessInstanceQuery().processDefinitionKey("BenchmarkFiveActions").count();
        if (left > 0 || checks.size() != count || reviewed != 3 * count) {
            throw new IllegalStateException("five actions: " + checks.size() + " checks, " + reviewed + " reviews, " + left
                    + " instances left of " + count);
        }
        double perInstance = 1 / (double) figures.get("baseline_instances_per_s");
        figures.put("five_actions_applications", count);
        figures.put("five_actions_cost_per_application", round(s / count / perInstance, 2));
        progress("five actions: %d applications in %.1f s, %.1f baseline instances each", count, s, s / count / perInstance);
    }

    private String judgeAt(int i) {
        return String.format("bj%04d", i % judges);
    }

    private void cycle() throws Exception {
        long cycleStart = System.nanoTime();
        Map<String, Double> phases = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now();
        long callId = app.getBean(CallService.class).open(new CallRequest("Benchmark " + applications, "Digital transformation", "BM",
                now.plusDays(30), now.plusDays(60), reviews, 3, CHAIR));

        long phase = System.nanoTime();
        SubmissionService submissions = app.getBean(SubmissionService.class);
        parallel("submissions", applications, i -> submissions.submit(callId, SampleData.generated(i)));
        awaitCount("redaction checks", () -> taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION)
                .count(), applications);
        phases.put("submission_s", seconds(phase));

        phase = System.nanoTime();
        List<Task> checks = taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION).list();
        parallel("redaction checks confirmed", checks.size(),
                i -> driver.completeAs(COORDINATOR, checks.get(i).getId(), Map.of()));
        awaitCount("applications ready", () -> count("SELECT COUNT(*) FROM application WHERE call_id = ? AND status = 'READY'", callId),
                applications);
        phases.put("redaction_check_s", seconds(phase));

        phase = System.nanoTime();
        Task close = taskService.createTaskQuery().taskDefinitionKey(AwardCycleProcess.TASK_CLOSE_CALL_EARLY).singleResult();
        driver.completeAs(COORDINATOR, close.getId(), Map.of());
        long expected = (long) applications * reviews;
        awaitCount("review tasks", () -> taskService.createTaskQuery().taskDefinitionKey(ReviewProcess.TASK_REVIEW_APPLICATION).count(),
                expected);
        phases.put("assignment_s", seconds(phase));

        // Measured while every review is open; not part of the cycle's time.
        long tasklist = System.nanoTime();
        figures.put("judge_tasklist_p95_ms", tasklistP95(200));
        long tasklistNanos = System.nanoTime() - tasklist;

        phase = System.nanoTime();
        List<Task> open = taskService.createTaskQuery().taskDefinitionKey(ReviewProcess.TASK_REVIEW_APPLICATION).list();
        Collections.shuffle(open, new Random(7));
        parallel("reviews completed", open.size(),
                i -> driver.completeAs(open.get(i).getAssignee(), open.get(i).getId(), CycleDriver.review(1 + (i * 7) % 5)));
        awaitCount("ballots", () -> taskService.createTaskQuery().taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).count(), 5);
        phases.put("review_s", seconds(phase));

        phase = System.nanoTime();
        driver.votePanel(callId);
        awaitCount("the chair's task", () -> taskService.createTaskQuery().taskDefinitionKey(AwardCycleProcess.TASK_CONFIRM_WINNERS).count(),
                1);
        driver.confirmWinners(callId);
        phases.put("panel_s", seconds(phase));

        phase = System.nanoTime();
        awaitCount("applicants notified", () -> count("SELECT COUNT(*) FROM mail_outbox n JOIN application a ON a.id = n.application_id "
                + "WHERE a.call_id = ? AND n.kind = 'RESULT'", callId), applications);
        awaitCount("instances ended", () -> applications - runtimeService.createProcessInstanceQuery().processDefinitionKey("Application")
                .count(), applications);
        phases.put("announcement_s", seconds(phase));

        figures.put("wall_s", round((System.nanoTime() - cycleStart - tasklistNanos) / 1e9, 1));
        figures.putAll(phases);
        figures.put("incidents", app.getBean(RuntimeService.class).createIncidentQuery().count());
    }

    /** What Tasklist asks when a judge opens "My reviews": the first page of the filter and its count, over HTTP. */
    private long tasklistP95(int views) throws Exception {
        String filterId = app.getBean(FilterService.class).createFilterQuery().filterName(TaskFilters.MY_REVIEWS).singleResult().getId();
        List<Long> millis = new ArrayList<>();
        Random random = new Random(11);
        Map<String, HttpClient> sessions = new LinkedHashMap<>();
        for (int i = 0; i < views; i++) {
            String judge = String.format("bj%04d", random.nextInt(Math.min(judges, 20)));
            HttpClient session = sessions.computeIfAbsent(judge, this::tasklistSession);
            long start = System.nanoTime();
            String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                    + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
            HttpResponse<String> list = session.send(post("/camunda/api/engine/engine/default/filter/" + filterId
                    + "/list?firstResult=0&maxResults=15", body, "application/hal+json", session), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> count = session.send(post("/camunda/api/engine/engine/default/filter/" + filterId + "/count", body, "application/json", session),
                    HttpResponse.BodyHandlers.ofString());
            if (list.statusCode() != 200 || count.statusCode() != 200 || !list.body().contains("Review BM-")) {
                throw new IllegalStateException("Tasklist answered " + list.statusCode() + "/" + count.statusCode() + ": " + list.body());
            }
            if (i >= 20) {
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Collections.sort(millis);
        long p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        progress("a judge's task list (%d views, %d open reviews): p50 %d ms, p95 %d ms", millis.size(),
                (long) applications * reviews, millis.get(millis.size() / 2), p95);
        return p95;
    }

    private HttpClient tasklistSession(String user) {
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf(client))
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException("Tasklist login of " + user + ": " + login.statusCode());
            }
            // The login starts a new session; Tasklist's next page load fetches the session's CSRF token.
            client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return client;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest post(String path, String json, String accept, HttpClient session) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Accept", accept).header("X-XSRF-TOKEN", csrf(session))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String csrf(HttpClient client) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(c -> c.getValue()).findFirst().orElse("");
    }

    private long count(String sql, long callId) {
        return jdbc.sql(sql).param(callId).query(Long.class).single();
    }

    /**
     * Waits until the count reaches the target, printing progress; fails when for five minutes neither the count nor
     * the number of waiting jobs moved (a count such as the ballots stays at zero while the jobs before it run).
     */
    private void awaitCount(String what, LongSupplier count, long target) throws InterruptedException {
        LongSupplier jobs = () -> jdbc.sql("SELECT COUNT(*) FROM act_ru_job").query(Long.class).single();
        long lastJobs = -1;
        long last = -1;
        long lastChange = System.nanoTime();
        long lastPrint = System.nanoTime();
        while (true) {
            long now = count.getAsLong();
            if (now >= target) {
                return;
            }
            long waiting = jobs.getAsLong();
            if (now != last || waiting != lastJobs) {
                last = now;
                lastJobs = waiting;
                lastChange = System.nanoTime();
            } else if (seconds(lastChange) > 300) {
                throw new IllegalStateException(what + ": stuck at " + now + " of " + target);
            }
            if (seconds(lastPrint) > 10) {
                progress("%s: %d of %d, %d jobs waiting", what, now, target, waiting);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(1000);
        }
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs the steps 0..count-1 on the benchmark's threads, as that many users would, printing progress. */
    private void parallel(String what, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                int i;
                while ((i = (int) next.getAndIncrement()) < count && failures.isEmpty()) {
                    try {
                        step.run(i);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            progress("%s: %d of %d", what, done.get(), count);
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
    }

    private static double seconds(long startNanos) {
        return round((System.nanoTime() - startNanos) / 1e9, 1);
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static void progress(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
