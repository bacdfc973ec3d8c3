package org.awardeval.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awardeval.assignment.JudgeService;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService;
import org.awardeval.demo.SampleData;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.OwnJvm;
import org.awardeval.support.PostgresDatabase;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 50 judges complete three reviews an application at once, eight at a time, on PostgreSQL with the job executor running:
 * no review lost or counted twice, no incident, every application reviewed exactly three times, and the cycle moves on
 * to the panel.
 * How fast is the benchmark's question (bench/cycle.sh, docs/BENCHMARKS.md); this test is about concurrent writes.
 */
@OwnJvm
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"test", "postgres"})
@EnabledIf("org.awardeval.support.PostgresDatabase#enabled")
class ReviewLoadPostgresIT {

    static final int JUDGES = 50;
    // 100 in the suite; -Dload.applications=500 gives the 1,500 reviews of docs/RELIABILITY.md.
    static final int APPLICATIONS = Integer.getInteger("load.applications", 100);
    static final int THREADS = 8;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Autowired InProcessCycle driver;
    @Autowired JudgeService judges;
    @Autowired CallService calls;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;
    @Autowired CallRepository callRows;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void fiftyJudgesCompleteTheirReviewsAtOnce() throws Exception {
        long callId = driver.openCall("Load " + System.nanoTime(), SampleData.generatedJudges("lj", JUDGES, 40, true, CycleDriver.PASSWORD));
        for (int a = 1; a <= APPLICATIONS; a++) {
            driver.submit(callId, SampleData.generated(a));
        }
        awaitTrue(() -> taskService.createTaskQuery().taskDefinitionKey("Task_CheckRedaction").count() == APPLICATIONS,
                Duration.ofMinutes(2));
        for (Task check : taskService.createTaskQuery().taskDefinitionKey("Task_CheckRedaction").list()) {
            driver.completeAs(CycleDriver.COORDINATOR, check.getId(), Map.of());
        }
        String cycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .singleResult().getId();
        awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM application WHERE call_id = ? AND status = 'READY'").param(callId)
                .query(Long.class).single() == APPLICATIONS, Duration.ofMinutes(2));
        Task close = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_CloseCallEarly").singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, close.getId(), Map.of());
        awaitTrue(() -> taskService.createTaskQuery().processDefinitionKey("Review").count() == 3L * APPLICATIONS, Duration.ofMinutes(3));

        List<Task> reviews = taskService.createTaskQuery().processDefinitionKey("Review").list();
        long judgesAtWork = reviews.stream().map(Task::getAssignee).distinct().count();
        assertThat(judgesAtWork).isGreaterThanOrEqualTo(JUDGES);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int lane = t;
            done.add(pool.submit(() -> {
                for (int i = lane; i < reviews.size(); i += THREADS) {
                    Task task = reviews.get(i);
                    try {
                        driver.completeAs(task.getAssignee(), task.getId(), CycleDriver.review(1 + i % 5));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double completeSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(failures).as("completions refused").isEmpty();
        awaitTrue(() -> jdbc.sql("SELECT COUNT(*) FROM application WHERE call_id = ? AND status = 'REVIEWED'").param(callId)
                .query(Long.class).single() == APPLICATIONS, Duration.ofMinutes(5));
        // The judges of split applications are asked to reconsider and answer at once, every other one revising: none
        // may be refused for meeting another. The round's requests come in one transaction, each judge's task in a job
        // of its own after it, which binds the request to its instance.
        awaitTrue(() -> taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").count() > 0
                || revisions(callId, "") > 0, Duration.ofMinutes(2));
        awaitTrue(() -> revisions(callId, " AND process_instance_id IS NULL") == 0, Duration.ofMinutes(2));
        List<Task> asked = taskService.createTaskQuery().taskDefinitionKey("Task_Reconsider").list();
        assertThat(asked).as("judges asked to reconsider").hasSizeGreaterThan(THREADS);
        ExecutorService answering = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> answered = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Task task = asked.get(i);
            Map<String, Object> answer = i % 2 == 0 ? Map.of("decision", "keep") : Map.of("decision", "revise", "score_innovation", "3",
                    "score_impact", "3", "score_equity", "3", "score_transferability", "3", "score_sustainability", "3",
                    "revisionReason", "The other reviews read the outcomes more carefully.");
            answered.add(answering.submit(() -> {
                try {
                    driver.completeAs(task.getAssignee(), task.getId(), answer);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        for (Future<?> f : answered) {
            f.get(5, TimeUnit.MINUTES);
        }
        answering.shutdown();
        assertThat(failures).as("answers refused").isEmpty();
        awaitTrue(() -> taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").count() > 0,
                Duration.ofMinutes(2));
        double allSeconds = (System.nanoTime() - start) / 1e9;

        assertThat(jdbc.sql("SELECT COUNT(*) FROM review r JOIN assignment s ON s.id = r.assignment_id WHERE s.call_id = ?")
                .param(callId).query(Long.class).single()).isEqualTo(3L * APPLICATIONS);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT s.application_id FROM assignment s JOIN review r ON r.assignment_id = s.id
                WHERE s.call_id = ? GROUP BY s.application_id HAVING COUNT(*) <> 3) wrong""").param(callId).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assignment WHERE call_id = ? AND status <> 'DONE'").param(callId).query(Long.class)
                .single()).isZero();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(managementService.createJobQuery().withException().count()).isZero();
        assertThat(taskService.createTaskQuery().processDefinitionKey("Review").count()).isZero();
        System.out.printf("LOAD: %d reviews by %d judges in %d threads: completions %.1f s (%.0f per s), until the panel %.1f s%n",
                reviews.size(), judgesAtWork, THREADS, completeSeconds, reviews.size() / completeSeconds, allSeconds);
    }

    /**
     * The call's lock keeps its lockers apart (the last applications of a phase wake the cycle one at a time) and leaves
     * alone whatever inserts a row referring to the call: the disagreement round's rows once waited under it for a
     * wake-up that was waiting for the round.
     */
    @Test
    void theCallsLockHoldsBackOtherLockersButNotRowsReferringToTheCall() throws Exception {
        long callId = driver.openCall("Lock " + System.nanoTime(), SampleData.generatedJudges("lk", 4, 10, true, CycleDriver.PASSWORD));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        Future<?> holding = holder.submit(() -> transaction.executeWithoutResult(status -> {
            callRows.lock(callId);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            transaction.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL lock_timeout = '3s'").update();
                jdbc.sql("INSERT INTO document_slot (call_id, code, label, kind, required, max_files, max_bytes, position) "
                        + "VALUES (?, 'lockProbe', 'Probe', 'PDF', FALSE, 1, 1000, 99)").param(callId).update();
                status.setRollbackOnly();
            });
            Throwable secondLocker = catchThrowable(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL lock_timeout = '1s'").update();
                callRows.lock(callId);
            }));
            assertThat(secondLocker).as("a second locker waits").isInstanceOf(DataAccessException.class);
        } finally {
            release.countDown();
            holding.get(30, TimeUnit.SECONDS);
            holder.shutdown();
        }
    }

    private long revisions(long callId, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM review_revision WHERE call_id = ?" + condition).param(callId).query(Long.class).single();
    }

    private static void awaitTrue(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
