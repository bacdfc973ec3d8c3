package org.awardeval.support;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardeval.assignment.JudgeService;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.submission.SubmissionService;
import org.awardeval.submission.SubmissionService.Submission;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** Drives a cycle the way its users and the job executor would, for tests. */
@Component
public class CycleDriver {

    public static final String PASSWORD = "secret";
    public static final String COORDINATOR = "coord";
    public static final String CHAIR = "chairperson";

    private final CallService calls;
    private final SubmissionService submissions;
    private final JudgeService judges;
    private final AccessSetup access;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final CallRepository callRepository;

    public CycleDriver(CallService calls, SubmissionService submissions, JudgeService judges, AccessSetup access,
            ManagementService managementService, TaskService taskService, IdentityService identityService,
            RuntimeService runtimeService, CallRepository callRepository) {
        this.calls = calls;
        this.submissions = submissions;
        this.judges = judges;
        this.access = access;
        this.managementService = managementService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.callRepository = callRepository;
    }

    /** Ten judges from countries no test application comes from, each expert in two categories. */
    public static final List<JudgeRegistration> JUDGES = List.of(
            judge("tj01", "F", "Norway", "Europe", "MC", "NC"), judge("tj02", "M", "Japan", "Asia", "SC", "IU"),
            judge("tj03", "F", "Chile", "Americas", "MC", "SC"), judge("tj04", "M", "Canada", "Americas", "NC", "IU"),
            judge("tj05", "F", "France", "Europe", "MC", "IU"), judge("tj06", "M", "Jordan", "Arab States", "NC", "SC"),
            judge("tj07", "F", "India", "Asia", "MC", "NC"), judge("tj08", "M", "Brazil", "Americas", "SC", "IU"),
            judge("tj09", "F", "Zambia", "Africa", "MC", "SC"), judge("tj10", "M", "Egypt", "Arab States", "NC", "IU"));

    private static JudgeRegistration judge(String id, String gender, String country, String region, String... expertise) {
        return new JudgeRegistration(id, PASSWORD, "Judge", id.toUpperCase(), id + "@judges.test", gender, country, region,
                "Institute " + id, 20, List.of(expertise), List.of());
    }

    public static List<String> judges() {
        return JUDGES.stream().map(JudgeRegistration::userId).toList();
    }

    public void ensureUsers() {
        access.ensureUser(COORDINATOR, "Cora", "Ordinator", "coord@test", PASSWORD, Groups.COORDINATORS);
        access.ensureUser(CHAIR, "Chris", "Chair", "chair@test", PASSWORD, Groups.PANEL);
        JUDGES.forEach(judges::register);
    }

    public long openCall(String name) {
        ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        return calls.open(new CallRequest(name, "Test theme", "TA", now.plusDays(10), now.plusDays(20), 3, 1, CHAIR));
    }

    public Submission submit(long callId, ApplicationForm form) {
        return submissions.submit(callId, form);
    }

    /**
     * Closes the call and plays every user until the results are announced: judges score, the chair confirms the
     * proposed winners.
     */
    public void runToAnnouncement(long callId) {
        String cycle = runToPanelVote(callId);
        votePanel(cycle);
        runJobs();
        Task confirm = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_ConfirmWinners").singleResult();
        completeAs(confirm.getAssignee(), confirm.getId(), Map.of("winners", runtimeService.getVariableTyped(cycle, "winners")));
        runJobs();
    }

    /** Releases every dossier and closes the call; returns the cycle's instance, waiting for the judges' reviews. */
    public String runToReviews(long callId) {
        runJobs();
        confirmRedactions(callId);
        String cycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .singleResult().getId();
        Task close = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_CloseCallEarly").singleResult();
        completeAs(COORDINATOR, close.getId(), Map.of());
        runJobs();
        return cycle;
    }

    /** Closes the call and has every judge score their applications; returns the cycle's instance, waiting for the panel. */
    public String runToPanelVote(long callId) {
        String cycle = runToReviews(callId);
        int score = 0;
        for (Task task : taskService.createTaskQuery().processDefinitionKey("Review").list()) {
            String code = (String) taskService.getVariable(task.getId(), "applicationCode");
            if (code.startsWith(callRepository.codePrefixOf(callId) + "-")) {
                completeAs(task.getAssignee(), task.getId(), review(1 + (score++ % 5)));
            }
        }
        runJobs();
        return cycle;
    }

    /**
     * Every panel member votes as themselves: for the best ranked application of each category on their ballot.
     * Returns how many ballots were cast.
     */
    public int votePanel(String cycleInstanceId) {
        List<Task> votes = taskService.createTaskQuery().processInstanceId(cycleInstanceId).taskDefinitionKey("Task_PanelVote").list();
        for (Task task : votes) {
            // As Tasklist and the REST API send a list: a JSON value.
            completeAs(task.getAssignee(), task.getId(), Map.of("votes", SpinValues.jsonValue(Spin.JSON(topOfEachCategory(task.getId()))).create(),
                    "voteComment", "Voted by " + task.getAssignee()));
        }
        return votes.size();
    }

    /** The first option of each category on a ballot; the options come in shortlist order. */
    public List<String> topOfEachCategory(String voteTaskId) {
        Map<String, String> categoryOf = new java.util.HashMap<>();
        Spin.JSON(taskService.getVariable(voteTaskId, "shortlist").toString()).elements()
                .forEach(row -> categoryOf.put(row.prop("code").stringValue(), row.prop("category").stringValue()));
        Map<String, String> firstByCategory = new java.util.LinkedHashMap<>();
        Spin.JSON(taskService.getVariableLocal(voteTaskId, "voteOptions").toString()).elements().forEach(option -> {
            String code = option.prop("value").stringValue();
            firstByCategory.putIfAbsent(categoryOf.get(code), code);
        });
        return new ArrayList<>(firstByCategory.values());
    }

    /** The coordinator releases every dossier of the call waiting for its redaction check, as proposed. */
    public int confirmRedactions(long callId) {
        String prefix = callRepository.codePrefixOf(callId) + "-";
        int confirmed = 0;
        for (Task task : taskService.createTaskQuery().taskDefinitionKey("Task_CheckRedaction").list()) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                    .getBusinessKey().startsWith(prefix)) {
                completeAs(COORDINATOR, task.getId(), Map.of());
                confirmed++;
            }
        }
        runJobs();
        return confirmed;
    }

    /** Fires a timer of an instance now, whatever its due date, then runs what it started. */
    public void fire(String processInstanceId, String timerActivityId) {
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timerActivityId).singleResult();
        if (timer == null) {
            throw new IllegalStateException("No timer " + timerActivityId + " in " + processInstanceId);
        }
        managementService.executeJob(timer.getId());
        runJobs();
    }

    /** Runs every job that is due, including the ones those jobs create, like the job executor would. */
    public int runJobs() {
        int executed = 0;
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return executed;
            }
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        throw new IllegalStateException("Jobs keep coming after 200 rounds");
    }

    /** Completes a task as the given user, with their groups, as Tasklist or the REST API would. */
    public void completeAs(String userId, String taskId, Map<String, Object> variables) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
        identityService.setAuthentication(userId, groups);
        try {
            taskService.complete(taskId, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Gives a user the tests' password: panel members registered by other tests may have another. */
    public void knownPassword(String userId) {
        org.camunda.bpm.engine.identity.User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    public List<Task> tasksOf(String userId) {
        return taskService.createTaskQuery().taskAssignee(userId).list();
    }

    public static Map<String, Object> review(int score) {
        return Map.of("score_innovation", score, "score_impact", score, "score_equity", Math.max(1, score - 1),
                "score_transferability", score, "score_sustainability", score, "panelComment", "Solid case, score " + score,
                "applicantFeedback", "Clear description of outcomes.", "confidence", "HIGH");
    }

    public static ApplicationForm form(String organisation, String type, String country, String category, String contact,
            String email, boolean consent) {
        String title = switch (category) {
            case "MC" -> "Micro-certification for lecturers at " + organisation;
            case "NC" -> "A national network led by " + organisation;
            case "SC" -> "Smart classrooms in everyday teaching at " + organisation;
            default -> "Industry partnership of " + organisation;
        };
        String summary = organisation + " trained lecturers; contact " + contact + " (" + email + ").";
        String description = "The programme of " + organisation + " was led by " + contact + ". Write to " + email
                + " or visit https://www.example.org/case. It reached 300 educators.";
        return new ApplicationForm(organisation, type, country, category, contact, email, title, summary, description, 300, consent,
                null);
    }

    /** Realistic eligible applications from the demo data, from countries none of the test judges comes from. */
    public static List<ApplicationForm> realistic(int count) {
        List<String> judgeCountries = JUDGES.stream().map(JudgeRegistration::country).toList();
        return org.awardeval.demo.DemoData.applications().stream()
                .filter(form -> !judgeCountries.contains(form.country()) && Boolean.TRUE.equals(form.consent())
                        && !"OTHER".equals(form.organisationType()) && !form.description().isBlank())
                .limit(count).toList();
    }

    public static List<ApplicationForm> sixEligible(String suffix) {
        List<ApplicationForm> forms = new ArrayList<>();
        forms.add(form("Steppe University " + suffix, "HEI", "Mongolia", "MC", "Bolormaa Ganbold", "bolormaa" + suffix + "@steppe.test", true));
        forms.add(form("Archipelago Institute " + suffix, "HEI", "Indonesia", "MC", "Siti Rahma", "siti" + suffix + "@archi.test", true));
        forms.add(form("Delta National Centre " + suffix, "NATIONAL_CENTRE", "Egypt", "NC", "Ahmed Fathy", "ahmed" + suffix + "@delta.test", true));
        forms.add(form("Copper Polytechnic " + suffix, "HEI", "Zambia", "SC", "Mwila Chanda", "mwila" + suffix + "@copper.test", true));
        forms.add(form("Baobab EdTech " + suffix, "ENTERPRISE", "Senegal", "IU", "Aminata Diallo", "aminata" + suffix + "@baobab.test", true));
        forms.add(form("Steppe University " + suffix, "HEI", "Mongolia", "SC", "Tuya Bat", "tuya" + suffix + "@steppe.test", true));
        return forms;
    }
}
