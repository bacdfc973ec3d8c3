package org.awardeval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awardeval.AwardEvaluationApplication;
import org.awardeval.assignment.JudgeService;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.deliberation.PanelService.PanelRegistration;
import org.awardeval.deliberation.PanelService;
import org.awardeval.demo.SampleData;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.MovableClock;
import org.awardeval.support.PostgresDatabase;
import org.awardeval.support.WebappSession;
import org.awardeval.tasklist.TaskFilters;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.util.FileSystemUtils;

/**
 * A whole award cycle on PostgreSQL as its users live it, and the engine's floor measured in the same run: the rate of
 * the simplest process instance, and a bare process of the five user actions an application needs. Applicants sign in
 * with the link of their e-mail and send their application with a case report of about 1 MB through the portal; judges
 * accept the invitation of theirs; the coordinator and the judges act through the engine as themselves; the panel and
 * the chair over the engine's REST API with their forms' fields; results go out over SMTP once the embargo ends. Prints
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
    private final boolean floor;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final AtomicLong peakHeap = new AtomicLong();
    /** Analyzes and vacuums where the server does not; stopped before the application closes its connections. */
    private Thread analyzer;
    private ConfigurableApplicationContext app;
    private JdbcClient jdbc;
    private TaskService taskService;
    private RuntimeService runtimeService;
    private InProcessCycle driver;
    private String baseUrl;
    private final MovableClock clock = new MovableClock();
    private GreenMail mail;
    private Path documentsFolder;

    private static final Pattern INVITATION = Pattern.compile("(/judging/invitations/[A-Za-z0-9_-]+)");
    private static final Pattern SIGN_IN = Pattern.compile("/portal/sign-in/confirm\\?token=([A-Za-z0-9_-]+)");
    /** An applicant's requests from the sign-in page to the application sent ({@link #submitThroughPortal}). */
    private static final int PORTAL_REQUESTS = 9;

    CycleBenchmark(int applications, int judges, int reviews, int threads, boolean floor) {
        this.floor = floor;
        this.applications = applications;
        this.judges = judges;
        this.reviews = reviews;
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>(Map.of("applications", 10_000, "judges", 500, "reviews", 3, "threads", 8, "floor", 1));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!options.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; options: " + options.keySet()
                        + ", e.g. --applications 1000 --judges 100");
            }
            options.put(name, Integer.parseInt(args[++i]));
        }
        CycleBenchmark benchmark = new CycleBenchmark(options.get("applications"), options.get("judges"), options.get("reviews"),
                options.get("threads"), options.get("floor") != 0);
        boolean failed = false;
        try {
            benchmark.run();
        } catch (Exception e) {
            e.printStackTrace();
            failed = true;
        } finally {
            if (benchmark.analyzer != null) {
                benchmark.analyzer.interrupt();
                benchmark.analyzer.join();
            }
            if (benchmark.app != null) {
                benchmark.app.close();
            }
            if (benchmark.mail != null) {
                benchmark.mail.stop();
            }
            if (benchmark.documentsFolder != null) {
                FileSystemUtils.deleteRecursively(benchmark.documentsFolder);
            }
        }
        // The last line: the figures, after the application has logged its shutdown.
        System.out.println(new ObjectMapper().writeValueAsString(benchmark.figures));
        System.exit(failed ? 1 : 0);
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
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        // The mail server keeps what it receives; the outbox's SENT marks are the count, so its memory is emptied.
        Thread purge = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(5_000);
                    mail.purgeEmailFromAllMailboxes();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    progress("mail purge: %s", e.getMessage());
                }
            }
        }, "mail-purge");
        purge.setDaemon(true);
        purge.start();
        documentsFolder = Files.createTempDirectory("bench-documents");
        long startup = System.nanoTime();
        // As command-line arguments, these win over application.yml and the environment. Every applicant signs in from
        // this one address, so its limits per client are lifted; documents are kept as files, as a large office would.
        app = new SpringApplicationBuilder(AwardEvaluationApplication.class).profiles("postgres")
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresDatabase.user(),
                        "--spring.datasource.password=", "--award.admin-password=bench-admin", "--server.port=0",
                        "--award.processes-watch=false", "--award.poll-interval=PT10S", "--logging.level.root=WARN",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                        "--award.documents.store=folder", "--award.documents.folder=" + documentsFolder,
                        "--award.portal.sign-in.per-client=100000000",
                        "--award.throttle.submissions=100000000");
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
        if (floor) {
            baseline();
            fiveActions();
            documentFloor();
            requestFloor();
        }
        cycle();

        figures.put("peak_heap_mb", peakHeap.get() / (1024 * 1024));
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        if (!floor) {
            return;
        }
        double wall = (double) figures.get("wall_s");
        double perInstance = 1 / (double) figures.get("baseline_instances_per_s");
        double cost = wall / applications / perInstance;
        figures.put("cost_per_application", round(cost, 2));
        figures.put("cost_over_five_actions", round(cost / (double) figures.get("five_actions_cost_per_application"), 2));
        // The same, phase by phase: what an application's submission, check and reviews cost over the bare actions.
        @SuppressWarnings("unchecked")
        Map<String, Double> floorMs = (Map<String, Double>) figures.get("five_actions_ms");
        double reviewPhases = (double) figures.get("assignment_s") + (double) figures.get("review_s")
                + (double) figures.get("disagreement_round_s");
        figures.put("over_five_actions_by_action", Map.of(
                "submission", round((double) figures.get("submission_s") * 1000 / applications / floorMs.get("submission"), 2),
                "check", round((double) figures.get("redaction_check_s") * 1000 / applications / floorMs.get("check"), 2),
                "reviews_with_assignment_and_round", round(reviewPhases * 1000 / applications / floorMs.get("reviews"), 2)));
        // The floor once each application brings a case report whose text must be read.
        double fiveActionsMs = floorMs.values().stream().mapToDouble(Double::doubleValue).sum();
        double floorWithDocument = fiveActionsMs + (double) figures.get("document_floor_ms");
        figures.put("over_five_actions_and_document", round(wall * 1000 / applications / floorWithDocument, 2));
        double floorWithRequests = floorWithDocument + PORTAL_REQUESTS * (double) figures.get("request_floor_ms");
        figures.put("over_five_actions_document_and_requests", round(wall * 1000 / applications / floorWithRequests, 2));
        // Where the floor of what every application needs lies (its five actions, its report read, its nine requests,
        // each bare): no build of the product can take less time, or cost less over the five actions.
        figures.put("floor_s", round(floorWithRequests * applications / 1000, 1));
        figures.put("floor_over_five_actions", round(floorWithRequests / fiveActionsMs, 2));
    }

    /**
     * What a request costs with nothing of the product behind it: the liveness probe, through the same Tomcat, a
     * security filter chain and Spring's dispatcher, asked by as many threads as the applicants. An applicant sends
     * the application in nine requests; this stack serves none of them for less.
     */
    private void requestFloor() throws Exception {
        int count = Math.max(10_000, applications);
        Step probe = i -> Visitor.ok(new Visitor(baseUrl).get("/actuator/health/liveness"), "The probe");
        parallel("request floor warm-up", 2_000, probe);
        long start = System.nanoTime();
        parallel("request floor", count, probe);
        double ms = (System.nanoTime() - start) / 1e6 / count;
        figures.put("request_floor_ms", round(ms, 3));
        progress("request floor: %d probes in %.3f ms each", count, ms);
    }

    /**
     * What reading a case report's text costs with the library the product uses, bare: each report opened and its text
     * extracted, in as many threads as the applicants. No product can check a report for the applicant's names for less;
     * the product also makes the judges' copy, searches the text and keeps both files.
     */
    private void documentFloor() throws Exception {
        CaseReports reports = new CaseReports();
        int count = Math.max(1_000, applications / 5);
        AtomicLong characters = new AtomicLong();
        long start = System.nanoTime();
        parallel("document floor", count, i -> {
            try (PDDocument document = Loader.loadPDF(reports.with("Case report " + i + ": what the programme changed."))) {
                characters.addAndGet(new PDFTextStripper().getText(document).length());
            }
        });
        double ms = (System.nanoTime() - start) / 1e6 / count;
        figures.put("document_floor_ms", round(ms, 2));
        progress("document floor: %d reports read in %.1f ms each (%d characters each)", count, ms, characters.get() / count);
    }

    /**
     * Without statistics PostgreSQL's planner takes a table of 600,000 variables for a few hundred rows and reads an
     * index over all of them for each instance (357 ms instead of 0.1 ms). Autovacuum keeps the statistics and the
     * tables small; where the server runs without it, the benchmark analyzes each table when autovacuum would (after
     * 10 % of it changed) and vacuums it (after 20 % of it died).
     */
    private void analyzeLikeAutovacuum() {
        boolean autovacuum = "on".equals(jdbc.sql("SHOW autovacuum").query(String.class).single());
        figures.put("autovacuum", autovacuum ? "on" : "off: the benchmark analyzes and vacuums");
        if (autovacuum) {
            return;
        }
        analyzer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(30_000);
                    for (String table : jdbc.sql("SELECT relname FROM pg_stat_user_tables "
                            + "WHERE n_mod_since_analyze > 50 + 0.1 * n_live_tup").query(String.class).list()) {
                        jdbc.sql("ANALYZE " + table).update();
                    }
                    // And vacuums as autovacuum would (20 % dead): the job table, churned by every job, otherwise grew
                    // to 110,000 dead rows among 2,200 and its acquisition query to 200 ms.
                    for (String table : jdbc.sql("SELECT relname FROM pg_stat_user_tables "
                            + "WHERE n_dead_tup > 50 + 0.2 * n_live_tup").query(String.class).list()) {
                        jdbc.sql("VACUUM " + table).update();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    progress("analyze: %s", e.getMessage());
                }
            }
        }, "analyzer");
        analyzer.setDaemon(true);
        analyzer.start();
        progress("autovacuum is off on this server: the benchmark analyzes and vacuums changed tables every 30 s");
    }

    private void setUpPeople() {
        AccessSetup access = app.getBean(AccessSetup.class);
        access.ensureUser(COORDINATOR, "Bench", "Coordinator", "coordinator@bench.test", PASSWORD, Groups.COORDINATORS);
        JudgeService judgeService = app.getBean(JudgeService.class);
        SampleData.generatedJudges("bj", judges, capacity(), false, PASSWORD).forEach(judgeService::register);
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
        double submitted = seconds(start);
        progress("five actions: %d submitted in %.1f s", count, submitted);
        List<Task> checks = taskService.createTaskQuery().processDefinitionKey("BenchmarkFiveActions").taskDefinitionKey("Check").list();
        parallel("five actions: checks", checks.size(), i -> driver.completeAs(COORDINATOR, checks.get(i).getId(), Map.of()));
        double checked = seconds(start);
        progress("five actions: checks done at %.1f s", checked);
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
        // Per application and action, to set each phase of the cycle against the action it adds to.
        figures.put("five_actions_ms", Map.of("submission", round(submitted * 1000 / count, 2), "check", round((checked - submitted) * 1000
                / count, 2), "reviews", round((s - checked) * 1000 / count, 2)));
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
        // The results are embargoed until the ceremony, a month after the panel; the benchmark moves the clock there.
        OffsetDateTime embargo = now.plusDays(90);
        long callId = app.getBean(CallService.class).open(new CallRequest("Benchmark " + applications, "Digital transformation", "BM",
                now.plusDays(30), now.plusDays(60), reviews, 3, CHAIR, null, null, null, null, embargo, null, null));
        app.getBean(Documents.class).defineSlots(callId, List.of(
                new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1, 10L << 20, 20)));
        Visitor coordinator = Visitor.basic(baseUrl, COORDINATOR, PASSWORD);

        long phase = System.nanoTime();
        invitations(callId, coordinator);
        phases.put("invitations_s", seconds(phase));

        phase = System.nanoTime();
        CaseReports reports = new CaseReports();
        figures.put("case_report_bytes", reports.size());
        AtomicLong findings = new AtomicLong();
        Visitor.medians();
        parallel("portal submissions", applications, i -> submitThroughPortal(callId, i, reports));
        // Each of an applicant's requests, with as many applicants at once as the benchmark has threads.
        figures.put("portal_request_median_ms", Visitor.medians());
        awaitCount("redaction checks", () -> taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION)
                .count(), applications);
        figures.put("documents_naming_the_applicant", count("SELECT COUNT(*) FROM document WHERE call_id = ? AND findings IS NOT NULL "
                + "AND findings <> '[]' AND findings <> ''", callId));
        phases.put("submission_s", seconds(phase));

        phase = System.nanoTime();
        List<Task> checks = taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION).list();
        // The coordinator releases each dossier and withholds the reports that still name their applicant.
        parallel("redaction checks confirmed", checks.size(), i -> driver.completeAs(COORDINATOR, checks.get(i).getId(),
                Map.of(ApplicationProcess.REDACTION_DECISION, ApplicationProcess.RELEASE, "withholdNamingDocuments", true)));
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
        reviews(callId);
        phases.put("review_s", seconds(phase));

        phase = System.nanoTime();
        disagreementRound(callId);
        phases.put("disagreement_round_s", seconds(phase));

        phase = System.nanoTime();
        panel(callId);
        phases.put("panel_s", seconds(phase));

        phase = System.nanoTime();
        awaitCount("results held for the embargo", () -> count("SELECT COUNT(*) FROM mail_outbox n JOIN application a ON a.id = "
                + "n.application_id WHERE a.call_id = ? AND n.kind = 'RESULT'", callId), applications);
        awaitCount("instances ended", () -> applications - runtimeService.createProcessInstanceQuery().processDefinitionKey("Application")
                .count(), applications);
        long sentEarly = count("SELECT COUNT(*) FROM mail_outbox WHERE call_id = ? AND kind = 'RESULT' AND status <> 'PENDING'", callId);
        if (sentEarly > 0) {
            throw new IllegalStateException(sentEarly + " results were sent before the embargo");
        }
        phases.put("announcement_s", seconds(phase));

        // The ceremony: the embargo ends and the outbox sends every result.
        phase = System.nanoTime();
        clock.advance(Duration.between(OffsetDateTime.now(), embargo).plusMinutes(1));
        awaitCount("results sent after the embargo", () -> count("SELECT COUNT(*) FROM mail_outbox WHERE call_id = ? AND kind = 'RESULT' "
                + "AND status = 'SENT'", callId), applications);
        phases.put("results_sent_s", seconds(phase));

        figures.put("wall_s", round((System.nanoTime() - cycleStart - tasklistNanos) / 1e9, 1));
        figures.putAll(phases);
        figures.put("mails_sent", jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'").query(Long.class).single());
        figures.put("incidents", app.getBean(RuntimeService.class).createIncidentQuery().count());
        figures.put("dashboard_p95_ms", pageP95(coordinatorPages(), "/dashboard?callId=" + callId, "Benchmark " + applications, 100));
        figures.put("results_page_p95_ms", pageP95(new Visitor(baseUrl), "/calls/" + callId + "/results", "Organisation ", 100));
    }

    /**
     * The coordinator invites every registered judge over the API; each judge opens the link of their e-mail, signs the
     * declaration and accepts the load asked.
     */
    private void invitations(long callId, Visitor coordinator) throws Exception {
        List<String> ids = jdbc.sql("SELECT user_id FROM judge ORDER BY user_id").query(String.class).list();
        String body = new ObjectMapper().writeValueAsString(Map.of("judges", ids, "load", capacity()));
        Visitor.ok(coordinator.postJson("/api/calls/" + callId + "/invitations", body), "Inviting the judges");
        List<String> links = jdbc.sql("SELECT body FROM mail_outbox WHERE call_id = ? AND kind LIKE 'INVITE-J%'").param(callId)
                .query(String.class).list().stream().map(text -> {
                    Matcher link = INVITATION.matcher(text);
                    if (!link.find()) {
                        throw new IllegalStateException("An invitation without its link: " + text);
                    }
                    return link.group(1);
                }).toList();
        if (links.size() != ids.size()) {
            throw new IllegalStateException(links.size() + " invitations for " + ids.size() + " judges");
        }
        parallel("judges accept", links.size(), i -> {
            Visitor judge = new Visitor(baseUrl);
            Visitor.ok(judge.get(links.get(i)), "The invitation page");
            String page = Visitor.ok(judge.post(links.get(i) + "/accept", Map.of("declaration", "yes", "load", String.valueOf(capacity()),
                    "timeZone", "Europe/Paris", "conflicts", "")), "Accepting").body();
            if (!page.contains("accepted")) {
                throw new IllegalStateException("The invitation was not accepted: " + page.substring(0, Math.min(800, page.length())));
            }
        });
        progress("%d judges invited and accepted", links.size());
    }

    /** Room for the assignment to balance, within the 100 reviews an invitation may ask of a judge. */
    private int capacity() {
        return Math.min(100, (int) Math.ceil(2.5 * applications * reviews / judges) + 5);
    }

    /**
     * An applicant signs in with the link of their e-mail, starts a draft, writes it, uploads the case report and sends
     * it. One report in ten names the organisation, as reports written without thinking of anonymity do.
     */
    private void submitThroughPortal(long callId, int i, CaseReports reports) throws Exception {
        ApplicationForm form = SampleData.generated(i);
        Visitor applicant = new Visitor(baseUrl);
        Visitor.ok(applicant.get("/portal/sign-in"), "The sign-in page");
        // The outbox has no index on recipients (the product never looks one up); its newest rows are read instead.
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM mail_outbox").query(Long.class).single();
        Visitor.location(applicant.post("/portal/sign-in/link", Map.of("email", form.contactEmail())), "Asking for a link");
        String mail = jdbc.sql("SELECT body FROM mail_outbox WHERE id > ? AND recipient = ? AND kind = 'SIGN_IN' ORDER BY id DESC"
                + " FETCH FIRST 1 ROWS ONLY").params(before, form.contactEmail()).query(String.class).single();
        Matcher token = SIGN_IN.matcher(mail);
        if (!token.find()) {
            throw new IllegalStateException("A sign-in e-mail without its link: " + mail);
        }
        Visitor.ok(applicant.get("/portal/sign-in/confirm?token=" + token.group(1)), "The link's page");
        // Signing in gives the session a new CSRF token, which the portal's home page carries.
        Visitor.ok(applicant.get(Visitor.location(applicant.post("/portal/sign-in/token", Map.of("token", token.group(1))), "Signing in")),
                "The portal's home");
        String draft = Visitor.location(applicant.post("/portal/calls/" + callId + "/drafts", Map.of()), "Starting a draft");
        Visitor.ok(applicant.get(draft), "The draft");
        String line = i % 10 == 0 ? "Prepared by the e-learning team of " + form.organisationName() + "."
                : "Case report " + i + ": what the programme changed for lecturers and students.";
        Visitor.location(applicant.upload(draft + "/documents/caseReport", "file", "case-report.pdf", reports.with(line)),
                "Uploading the case report");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ApplicationProcess.ORGANISATION_NAME, form.organisationName());
        fields.put(ApplicationProcess.ORGANISATION_TYPE, form.organisationType());
        fields.put(ApplicationProcess.COUNTRY, form.country());
        fields.put(ApplicationProcess.CONTACT_NAME, form.contactName());
        fields.put(ApplicationProcess.CATEGORY_CODE, form.categoryCode());
        fields.put(ApplicationProcess.TITLE, form.title());
        fields.put(ApplicationProcess.SUMMARY, form.summary());
        fields.put(ApplicationProcess.DESCRIPTION, form.description());
        fields.put(ApplicationProcess.EDUCATORS_REACHED, String.valueOf(form.educatorsReached()));
        fields.put(ApplicationProcess.OUTCOMES, form.outcomes());
        fields.put(ApplicationProcess.CONSENT, "on");
        fields.put("action", "submit");
        String sent = Visitor.location(applicant.post(draft, fields), "Sending the application");
        if (!sent.contains("/portal/applications/")) {
            throw new IllegalStateException("The application was not sent: " + sent);
        }
    }

    /**
     * Every judge scores their reviews in a shuffled order. An application's judges agree on its quality, except in one
     * application in ten, where the first judge to score it finds it weak and the second outstanding. Halfway through, the
     * reminders fall due: each judge with reviews open gets one e-mail listing them.
     */
    private void reviews(long callId) throws Exception {
        List<Task> open = taskService.createTaskQuery().taskDefinitionKey(ReviewProcess.TASK_REVIEW_APPLICATION).list();
        Map<String, String> codes = new HashMap<>();
        runtimeService.createVariableInstanceQuery().variableName(ReviewProcess.APPLICATION_CODE).list()
                .forEach(v -> codes.put(v.getProcessInstanceId(), (String) v.getValue()));
        Collections.shuffle(open, new Random(7));
        Map<String, AtomicInteger> scored = new ConcurrentHashMap<>();
        int half = open.size() / 2;
        parallel("reviews, first half", half, i -> review(open.get(i), codes, scored));
        // The reminder's date arrives: the cycle's timer is due now.
        String cycle = driver.cycleInstance(callId);
        String reminders = app.getBean(ManagementService.class).createJobQuery().processInstanceId(cycle).activityId("Event_RemindersDue")
                .singleResult().getId();
        app.getBean(ManagementService.class).setJobDuedate(reminders, new Date());
        parallel("reviews, second half", open.size() - half, i -> review(open.get(half + i), codes, scored));
        awaitCount("digests sent", () -> count("SELECT COUNT(*) FROM mail_outbox WHERE call_id = ? AND kind LIKE 'DIGEST-J%' "
                + "AND status = 'SENT'", callId), 1);
        figures.put("reminder_digests", count("SELECT COUNT(*) FROM mail_outbox WHERE call_id = ? AND kind LIKE 'DIGEST-J%'", callId));
    }

    private void review(Task task, Map<String, String> codes, Map<String, AtomicInteger> scored) {
        String code = codes.get(task.getProcessInstanceId());
        int quality = 1 + Math.floorMod(code.hashCode(), 5);
        int order = scored.computeIfAbsent(code, c -> new AtomicInteger()).getAndIncrement();
        boolean split = Math.floorMod(code.hashCode() / 5, 10) == 0;
        int score = split && order == 0 ? 1 : split && order == 1 ? 5 : quality;
        driver.completeAs(task.getAssignee(), task.getId(), CycleDriver.review(score));
    }

    /** The judges of each application that split are asked to reconsider: every other one revises, the rest keep. */
    private void disagreementRound(long callId) throws Exception {
        String cycle = driver.cycleInstance(callId);
        String requests = "SELECT COUNT(*) FROM review_revision WHERE call_id = ?";
        awaitCount("disagreement round or ballots", () -> count(requests, callId)
                + taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).count(), 1);
        // Each judge's task comes in a job of its own after the round opened, which binds the request to its instance.
        awaitCount("judges' tasks of the round", () -> count(requests + " AND process_instance_id IS NOT NULL", callId),
                count(requests, callId));
        List<Task> asked = taskService.createTaskQuery().taskDefinitionKey(ReconsiderProcess.TASK_RECONSIDER).list();
        parallel("reconsidered", asked.size(), i -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            if (i % 2 == 0) {
                answer.put(ReconsiderProcess.DECISION, ReconsiderProcess.DECISION_KEEP);
            } else {
                answer.put(ReconsiderProcess.DECISION, ReconsiderProcess.DECISION_REVISE);
                CycleDriver.review(3).forEach((name, value) -> {
                    if (name.startsWith("score_")) {
                        answer.put(name, String.valueOf(value));
                    }
                });
                answer.put(ReconsiderProcess.REASON, "Read the other reviews; the evidence of outcomes is thinner than I thought.");
            }
            driver.completeAs(asked.get(i).getAssignee(), asked.get(i).getId(), answer);
        });
        figures.put("applications_split", count("SELECT COUNT(DISTINCT application_id) FROM review_revision WHERE call_id = ?", callId));
        figures.put("judges_asked_to_reconsider", asked.size());
        awaitCount("ballots", () -> taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE)
                .count(), 5);
    }

    /**
     * Each panel member votes over the engine's REST API with the ballot form's fields only: the first case of each
     * category on their ballot and a comment; the chair then confirms the proposal with the decision form's fields.
     */
    private void panel(long callId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String cycle = driver.cycleInstance(callId);
        for (String member : List.of(CHAIR, "benchpanel1", "benchpanel2", "benchpanel3", "benchpanel4")) {
            Visitor rest = Visitor.basic(baseUrl, member, PASSWORD);
            JsonNode task = json.readTree(Visitor.ok(rest.get("/engine-rest/task?processInstanceId=" + cycle + "&taskDefinitionKey="
                    + AwardCycleProcess.TASK_PANEL_VOTE + "&assignee=" + member), "The ballot").body()).get(0);
            JsonNode form = json.readTree(Visitor.ok(rest.get("/engine-rest/task/" + task.get("id").asText()
                    + "/form-variables?deserializeValues=false"), "The ballot's variables").body());
            Map<String, String> categoryOf = new HashMap<>();
            json.readTree(form.get(AwardCycleProcess.SHORTLIST).get("value").asText())
                    .forEach(row -> categoryOf.put(row.get("code").asText(), row.get("category").asText()));
            Map<String, String> first = new LinkedHashMap<>();
            json.readTree(form.get(AwardCycleProcess.VOTE_OPTIONS).get("value").asText())
                    .forEach(option -> first.putIfAbsent(categoryOf.get(option.get("value").asText()), option.get("value").asText()));
            String submission = json.writeValueAsString(Map.of("variables", Map.of(
                    AwardCycleProcess.VOTES, Map.of("value", json.writeValueAsString(first.values()), "type", "Json"),
                    AwardCycleProcess.VOTE_COMMENT, Map.of("value", "Voted by " + member, "type", "String"))));
            HttpResponse<String> voted = rest.postJson("/engine-rest/task/" + task.get("id").asText() + "/submit-form", submission);
            if (voted.statusCode() != 204 && voted.statusCode() != 200) {
                throw new IllegalStateException("The vote of " + member + " answered " + voted.statusCode() + ": " + voted.body());
            }
        }
        awaitCount("the chair's task", () -> taskService.createTaskQuery().processInstanceId(cycle)
                .taskDefinitionKey(AwardCycleProcess.TASK_CONFIRM_WINNERS).count(), 1);
        Visitor chair = Visitor.basic(baseUrl, CHAIR, PASSWORD);
        JsonNode task = json.readTree(Visitor.ok(chair.get("/engine-rest/task?processInstanceId=" + cycle + "&taskDefinitionKey="
                + AwardCycleProcess.TASK_CONFIRM_WINNERS), "The chair's task").body()).get(0);
        JsonNode form = json.readTree(Visitor.ok(chair.get("/engine-rest/task/" + task.get("id").asText()
                + "/form-variables?deserializeValues=false"), "The decision's variables").body());
        String proposed = form.get(AwardCycleProcess.PROPOSED_WINNERS).get("value").asText();
        String decision = json.writeValueAsString(Map.of("variables", Map.of(
                AwardCycleProcess.WINNERS, Map.of("value", proposed, "type", "Json"),
                AwardCycleProcess.JUSTIFICATION, Map.of("value", "", "type", "String"))));
        HttpResponse<String> decided = chair.postJson("/engine-rest/task/" + task.get("id").asText() + "/submit-form", decision);
        if (decided.statusCode() != 204 && decided.statusCode() != 200) {
            throw new IllegalStateException("The chair's decision answered " + decided.statusCode() + ": " + decided.body());
        }
        figures.put("winners", json.readTree(proposed).size());
    }

    /** A coordinator signed in to the dashboard. */
    private Visitor coordinatorPages() throws Exception {
        Visitor coordinator = new Visitor(baseUrl);
        Visitor.ok(coordinator.get("/dashboard/login"), "The dashboard's log-in");
        Visitor.location(coordinator.post("/dashboard/login", Map.of("username", COORDINATOR, "password", PASSWORD)), "Logging in");
        return coordinator;
    }

    /** A page read as its reader would, after ten views to warm up: the 95th percentile of the next ones. */
    private long pageP95(Visitor reader, String path, String expected, int views) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < views + 10; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = reader.get(path);
            long took = (System.nanoTime() - start) / 1_000_000;
            if (page.statusCode() != 200 || !page.body().contains(expected)) {
                throw new IllegalStateException(path + " answered " + page.statusCode() + " without '" + expected + "'");
            }
            if (i >= 10) {
                millis.add(took);
            }
        }
        Collections.sort(millis);
        long p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        progress("%s (%d views): p50 %d ms, p95 %d ms", path, millis.size(), millis.get(millis.size() / 2), p95);
        return p95;
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
            HttpResponse<String> list = session.send(post("/camunda/api/engine/engine/default/filter/" + filterId
                    + "/list?firstResult=0&maxResults=15", WebappSession.TASKLIST_QUERY, "application/hal+json", session), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> count = session.send(post("/camunda/api/engine/engine/default/filter/" + filterId + "/count", WebappSession.TASKLIST_QUERY, "application/json", session),
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
