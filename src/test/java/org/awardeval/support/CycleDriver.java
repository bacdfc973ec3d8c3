package org.awardeval.support;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.demo.SampleData;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ReconsiderProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.submission.ApplicationForm;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * One award cycle played by its users: the coordinator, the judges, the panel and the chair, each acting as themselves.
 * The steps are written once; how a user acts is the implementation's: in this JVM through the engine's services
 * ({@link InProcessCycle}) or over HTTP against running application processes ({@code reliability.HttpCycle}).
 */
public abstract class CycleDriver {

    public static final String PASSWORD = "secret";
    public static final String COORDINATOR = "coord";
    public static final String CHAIR = "chairperson";
    /** Ten judges from countries no test application comes from, each expert in two categories. */
    public static final List<JudgeRegistration> JUDGES = List.of(
            judge("tj01", "F", "Norway", "Europe", "MC", "NC"), judge("tj02", "M", "Japan", "Asia", "SC", "IU"),
            judge("tj03", "F", "Chile", "Americas", "MC", "SC"), judge("tj04", "M", "Canada", "Americas", "NC", "IU"),
            judge("tj05", "F", "France", "Europe", "MC", "IU"), judge("tj06", "M", "Jordan", "Arab States", "NC", "SC"),
            judge("tj07", "F", "India", "Asia", "MC", "NC"), judge("tj08", "M", "Brazil", "Americas", "SC", "IU"),
            judge("tj09", "F", "Zambia", "Africa", "MC", "SC"), judge("tj10", "M", "Egypt", "Arab States", "NC", "IU"));

    /** An open task as the coordinator's list shows it: its instance's business key, a review's application code. */
    public record OpenTask(String id, String assignee, String businessKey, String applicationCode) {
    }

    /** The coordinator and the chair exist, the judges are registered; nothing happens twice. */
    public abstract void ensureUsers(List<JudgeRegistration> judges);

    /** The coordinator opens a call; returns its id. */
    public abstract long open(CallRequest call);

    /** The applicant (or the office for them) submits; returns the application's code. */
    public abstract String submitForm(long callId, ApplicationForm form);

    /** The open tasks of this kind, oldest first, as the coordinator sees them. */
    protected abstract List<OpenTask> tasks(String taskKey);

    /** The user completes their task with these values, typed as the task's form sends them. */
    public abstract void completeAs(String userId, String taskId, Map<String, Object> variables);

    /** A variable as the user reads it on their task, as JSON text. */
    protected abstract String taskVariable(String userId, String taskId, String name);

    /** The codes of the call's applications. */
    protected abstract Set<String> codes(long callId);

    /** Lets every job that is due run, and the jobs they create, before the users go on. */
    public abstract void runJobs();

    public void ensureUsers() {
        ensureUsers(JUDGES);
    }

    public long openCall(String name) {
        return openCall(name, JUDGES);
    }

    /** Registers these judges and opens a call of three reviews an application and one winner a category. */
    public long openCall(String name, List<JudgeRegistration> judges) {
        ensureUsers(judges);
        OffsetDateTime now = OffsetDateTime.now();
        return open(new CallRequest(name, "Test theme", "TA", now.plusDays(10), now.plusDays(20), 3, 1, CHAIR));
    }

    /** The open tasks the query finds; an implementation whose jobs run on their own may wait for the first to appear. */
    protected List<OpenTask> awaitAny(Supplier<List<OpenTask>> query) {
        return query.get();
    }

    /** The coordinator releases every dossier of the call waiting for its redaction check, as proposed. */
    public int confirmRedactions(long callId) {
        Set<String> codes = codes(callId);
        List<OpenTask> checks = tasks(ApplicationProcess.TASK_CHECK_REDACTION).stream().filter(t -> codes.contains(t.businessKey()))
                .toList();
        checks.forEach(task -> completeAs(COORDINATOR, task.id(), Map.of()));
        runJobs();
        return checks.size();
    }

    /** The coordinator closes the call before its deadline. */
    public void closeCall(long callId) {
        OpenTask close = single(callTasks(callId, AwardCycleProcess.TASK_CLOSE_CALL_EARLY));
        completeAs(COORDINATOR, close.id(), Map.of());
    }

    /** Every judge scores each application of the call they hold, the scores going round 1 to 5; returns the reviews done. */
    public int reviewAll(long callId) {
        Set<String> codes = codes(callId);
        List<OpenTask> reviews = tasks(ReviewProcess.TASK_REVIEW_APPLICATION).stream().filter(t -> codes.contains(t.applicationCode()))
                .toList();
        int score = 0;
        for (OpenTask task : reviews) {
            completeAs(task.assignee(), task.id(), review(1 + (score++ % 5)));
        }
        return reviews.size();
    }

    /**
     * Every panel member votes as themselves: for the best ranked application of each category on their ballot.
     * Returns how many ballots were cast.
     */
    public int votePanel(long callId) {
        List<OpenTask> votes = awaitAny(() -> callTasks(callId, AwardCycleProcess.TASK_PANEL_VOTE));
        for (OpenTask task : votes) {
            // As Tasklist and the REST API send a list: a JSON value.
            completeAs(task.assignee(), task.id(), Map.of(AwardCycleProcess.VOTES,
                    SpinValues.jsonValue(Spin.JSON(topOfEachCategory(task))).create(), "voteComment", "Voted by " + task.assignee()));
        }
        return votes.size();
    }

    /** The chair confirms the winners the panel proposed. */
    public void confirmWinners(long callId) {
        OpenTask confirm = single(awaitAny(() -> callTasks(callId, AwardCycleProcess.TASK_CONFIRM_WINNERS)));
        String proposed = taskVariable(confirm.assignee(), confirm.id(), AwardCycleProcess.PROPOSED_WINNERS);
        completeAs(confirm.assignee(), confirm.id(), Map.of(AwardCycleProcess.WINNERS, SpinValues.jsonValue(proposed).create()));
    }

    /** Releases every dossier and closes the call: the judges have their reviews. */
    public void runToReviews(long callId) {
        runJobs();
        confirmRedactions(callId);
        closeCall(callId);
        runJobs();
    }

    /** Every judge asked to reconsider in the disagreement round keeps their scores; returns how many were asked. */
    public int keepAllScores(long callId) {
        Set<String> codes = codes(callId);
        Supplier<List<OpenTask>> reconsider = () -> tasks(ReconsiderProcess.TASK_RECONSIDER).stream()
                .filter(t -> codes.contains(t.applicationCode())).toList();
        // Where jobs run on their own, the cycle may wake after the last review a little later, and each judge's task
        // comes in a job of its own: answer the tasks as they come until the cycle has gone on to the panel.
        int asked = 0;
        while (true) {
            awaitAny(() -> reconsider.get().isEmpty() ? callTasks(callId, AwardCycleProcess.TASK_PANEL_VOTE) : reconsider.get());
            List<OpenTask> open = reconsider.get();
            if (open.isEmpty()) {
                return asked;
            }
            open.forEach(task -> completeAs(task.assignee(), task.id(), Map.of(ReconsiderProcess.DECISION, ReconsiderProcess.DECISION_KEEP)));
            asked += open.size();
            runJobs();
        }
    }

    /** Closes the call, has every judge score their applications and keep them when asked: the panel has its ballots. */
    public void runToPanelVote(long callId) {
        runToReviews(callId);
        finishReviews(callId);
    }

    /** With the reviews open, has every judge score their applications and keep them when asked. */
    public void finishReviews(long callId) {
        reviewAll(callId);
        runJobs();
        keepAllScores(callId);
        runJobs();
    }

    /** Plays every user until the results are announced. */
    public void runToAnnouncement(long callId) {
        runToPanelVote(callId);
        votePanel(callId);
        runJobs();
        confirmWinners(callId);
        runJobs();
    }

    /** The first option of each category on a member's ballot; the options come in shortlist order. */
    public List<String> topOfEachCategory(OpenTask vote) {
        Map<String, String> categoryOf = new HashMap<>();
        Spin.JSON(taskVariable(vote.assignee(), vote.id(), AwardCycleProcess.SHORTLIST)).elements()
                .forEach(row -> categoryOf.put(row.prop("code").stringValue(), row.prop("category").stringValue()));
        Map<String, String> firstByCategory = new LinkedHashMap<>();
        Spin.JSON(taskVariable(vote.assignee(), vote.id(), AwardCycleProcess.VOTE_OPTIONS)).elements().forEach(option -> {
            String code = option.prop("value").stringValue();
            firstByCategory.putIfAbsent(categoryOf.get(code), code);
        });
        return new ArrayList<>(firstByCategory.values());
    }

    /** The review form's values: every criterion scored, the comments, the confidence. */
    public static Map<String, Object> review(int score) {
        return Map.of("score_innovation", score, "score_impact", score, "score_equity", Math.max(1, score - 1),
                "score_transferability", score, "score_sustainability", score, "panelComment", "Solid case, score " + score,
                "applicantFeedback", "Clear description of outcomes.", "confidence", "HIGH");
    }

    public static List<String> judges() {
        return JUDGES.stream().map(JudgeRegistration::userId).toList();
    }

    /** Realistic eligible applications from the demo data, from countries none of the test judges comes from. */
    public static List<ApplicationForm> realistic(int count) {
        return SampleData.eligibleApplications(count, JUDGES);
    }

    private static JudgeRegistration judge(String id, String gender, String country, String region, String... expertise) {
        return new JudgeRegistration(id, PASSWORD, "Judge", id.toUpperCase(), id + "@judges.test", gender, country, region,
                "Institute " + id, 20, List.of(expertise), List.of());
    }

    private List<OpenTask> callTasks(long callId, String taskKey) {
        return tasks(taskKey).stream().filter(task -> CallService.businessKey(callId).equals(task.businessKey())).toList();
    }

    private static OpenTask single(List<OpenTask> tasks) {
        if (tasks.size() != 1) {
            throw new IllegalStateException("Expected one task, found " + tasks);
        }
        return tasks.get(0);
    }
}
