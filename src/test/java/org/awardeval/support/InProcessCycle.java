package org.awardeval.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.assignment.JudgeService.JudgeRegistration;
import org.awardeval.assignment.JudgeService;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.process.ReviewProcess;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.submission.SubmissionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The cycle played in this JVM: each user acts through the engine's services as themselves, jobs run when the test says. */
@Component
public class InProcessCycle extends CycleDriver {

    private final CallService calls;
    private final SubmissionService submissions;
    private final JudgeService judgeService;
    private final AccessSetup access;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final ApplicationRepository applications;
    private final boolean jobExecutorActive;

    public InProcessCycle(CallService calls, SubmissionService submissions, JudgeService judgeService, AccessSetup access,
            ManagementService managementService, TaskService taskService, IdentityService identityService,
            RuntimeService runtimeService, ApplicationRepository applications,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutorActive) {
        this.calls = calls;
        this.submissions = submissions;
        this.judgeService = judgeService;
        this.access = access;
        this.managementService = managementService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.applications = applications;
        this.jobExecutorActive = jobExecutorActive;
    }

    @Override
    public void ensureUsers(List<JudgeRegistration> judges) {
        access.ensureUser(COORDINATOR, "Cora", "Ordinator", "coord@test", PASSWORD, Groups.COORDINATORS);
        access.ensureUser(CHAIR, "Chris", "Chair", "chair@test", PASSWORD, Groups.PANEL);
        judges.forEach(judgeService::register);
    }

    @Override
    public long open(CallRequest call) {
        return calls.open(call);
    }

    @Override
    public String submitForm(long callId, ApplicationForm form) {
        return submit(callId, form).code();
    }

    public Submission submit(long callId, ApplicationForm form) {
        return submissions.submit(callId, form);
    }

    @Override
    protected List<OpenTask> tasks(String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list();
        if (tasks.isEmpty()) {
            return List.of();
        }
        String[] instances = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, String> businessKeys = new HashMap<>();
        runtimeService.createProcessInstanceQuery().processInstanceIds(Set.of(instances)).list()
                .forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
        Map<String, String> codes = new HashMap<>();
        runtimeService.createVariableInstanceQuery().variableName(ReviewProcess.APPLICATION_CODE).processInstanceIdIn(instances).list()
                .forEach(variable -> codes.put(variable.getProcessInstanceId(), (String) variable.getValue()));
        return tasks.stream().map(task -> new OpenTask(task.getId(), task.getAssignee(), businessKeys.get(task.getProcessInstanceId()),
                codes.get(task.getProcessInstanceId()))).toList();
    }

    /** Completes a task as the given user, with their groups, as Tasklist or the REST API would. */
    @Override
    public void completeAs(String userId, String taskId, Map<String, Object> variables) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
        identityService.setAuthentication(userId, groups);
        try {
            taskService.complete(taskId, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Override
    protected String taskVariable(String userId, String taskId, String name) {
        return taskService.getVariable(taskId, name).toString();
    }

    @Override
    protected Set<String> codes(long callId) {
        return applications.byCall(callId).stream().map(StoredApplication::code).collect(Collectors.toSet());
    }

    /**
     * Runs every job that is due, including the ones those jobs create, like the job executor would; where the job
     * executor runs, waits until it has.
     */
    @Override
    public void runJobs() {
        if (jobExecutorActive) {
            long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (managementService.createJobQuery().executable().count() > 0) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("The job executor has not run the due jobs in five minutes");
                }
                sleep(100);
            }
            return;
        }
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("Jobs keep coming after 200 rounds");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The call's cycle instance. */
    public String cycleInstance(long callId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CallService.businessKey(callId)).singleResult()
                .getId();
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

    /** Gives a user the tests' password: panel members registered by other tests may have another. */
    public void knownPassword(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    public List<Task> tasksOf(String userId) {
        return taskService.createTaskQuery().taskAssignee(userId).list();
    }
}
