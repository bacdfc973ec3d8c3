package org.awardeval.submission;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.support.PlainEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each path of application.bpmn on a plain engine, with eligibility.dmn as deployed and every delegate mocked: clear
 * cases both ways, a doubtful case for a coordinator, and an eligible application through its reviews to its notice.
 */
@Deployment(resources = {"processes/application.bpmn", "processes/review.bpmn", "processes/eligibility.dmn",
        "processes/forms/application-submit.form", "processes/forms/eligibility-check.form", "processes/forms/redaction-check.form",
        "processes/forms/review.form", "processes/forms/overdue-review.form", "processes/forms/find-judge.form"})
class ApplicationPathTest {

    @RegisterExtension
    static PlainEngine engineExtension = new PlainEngine("application-path");

    ProcessEngine engine;

    JavaDelegate register = mock(JavaDelegate.class);
    JavaDelegate facts = mock(JavaDelegate.class);
    JavaDelegate record = mock(JavaDelegate.class);
    JavaDelegate anonymise = mock(JavaDelegate.class);
    JavaDelegate release = mock(JavaDelegate.class);
    JavaDelegate report = mock(JavaDelegate.class);
    JavaDelegate findReviews = mock(JavaDelegate.class);
    JavaDelegate notify = mock(JavaDelegate.class);
    JavaDelegate loadDossier = mock(JavaDelegate.class);
    JavaDelegate recordReview = mock(JavaDelegate.class);
    JavaDelegate withdraw = mock(JavaDelegate.class);
    JavaDelegate ask = mock(JavaDelegate.class);
    JavaDelegate remind = mock(JavaDelegate.class);
    JavaDelegate expired = mock(JavaDelegate.class);

    /** What the eligibility facts say, as EligibilityFactsDelegate would set them. */
    Map<String, Object> factsGiven;

    @BeforeEach
    void mocks() throws Exception {
        factsGiven = facts(true, true, "HEI");
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(ApplicationProcess.APPLICATION_ID, 7L);
            execution.setVariable(ApplicationProcess.APPLICATION_CODE, "PA25-MC-007");
            return null;
        }).when(register).execute(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariables(factsGiven);
            return null;
        }).when(facts).execute(any());
        // As RecordEligibilityDelegate: the coordinator's decision where there is one, else the rules'.
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            Object decision = execution.hasVariable(ApplicationProcess.COORDINATOR_DECISION)
                    ? execution.getVariable(ApplicationProcess.COORDINATOR_DECISION) : execution.getVariable(ApplicationProcess.ELIGIBILITY_OUTCOME);
            execution.setVariable(ApplicationProcess.ELIGIBLE, "ELIGIBLE".equals(decision));
            return null;
        }).when(record).execute(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(ApplicationProcess.ASSIGNMENT_IDS, new ArrayList<>(List.of(1L, 2L, 3L)));
            return null;
        }).when(findReviews).execute(any());
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(ReviewProcess.JUDGE_USER_ID, "judge-" + execution.getVariable(ReviewProcess.ASSIGNMENT_ID));
            execution.setVariable(ReviewProcess.APPLICATION_CODE, "PA25-MC-007");
            execution.setVariable(ReviewProcess.JUDGE_CODE, "J0" + execution.getVariable(ReviewProcess.ASSIGNMENT_ID));
            Date later = new Date(System.currentTimeMillis() + 10 * 86_400_000L);
            execution.setVariable(ReviewProcess.REVIEW_DUE_AT, later);
            execution.setVariable(ReviewProcess.GRACE_ENDS_AT, later);
            return null;
        }).when(loadDossier).execute(any());
        Map.of("registerApplicationDelegate", register, "eligibilityFactsDelegate", facts, "recordEligibilityDelegate", record,
                "anonymiseDossierDelegate", anonymise, "releaseDossierDelegate", release, "reportToCycleDelegate", report,
                "findReviewsDelegate", findReviews, "notifyApplicantDelegate", notify, "loadDossierDelegate", loadDossier,
                "recordReviewDelegate", recordReview).forEach(Mocks::register);
        Mocks.register("withdrawFromCycleDelegate", withdraw);
        // As AskApplicantDelegate: the deadline and the reminder a day before, as dates the timers read.
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            long now = System.currentTimeMillis();
            execution.setVariable(ApplicationProcess.CLARIFICATION_DUE, new Date(now + 7 * 86_400_000L));
            execution.setVariable(ApplicationProcess.CLARIFICATION_REMINDER, new Date(now + 6 * 86_400_000L));
            execution.removeVariable(ApplicationProcess.COORDINATOR_DECISION);
            return null;
        }).when(ask).execute(any());
        Mocks.register("askApplicantDelegate", ask);
        Mocks.register("remindApplicantDelegate", remind);
        Mocks.register("clarificationExpiredDelegate", expired);
        // As RedactionCheckListener: releasing is the check's default choice.
        Mocks.register("redactionCheckListener", (TaskListener) task -> task.getExecution()
                .setVariable(ApplicationProcess.REDACTION_DECISION, ApplicationProcess.RELEASE));
        Mocks.register("reassignReviewDelegate", mock(JavaDelegate.class));
    }

    static Map<String, Object> facts(boolean onTime, boolean consent, String type) {
        return Map.of("onTime", onTime, "categoryKnown", true, "requiredFieldsPresent", true, "consentGiven", consent,
                "organisationTypeAllowed", true, "duplicate", false, "organisationType", type);
    }

    @Test
    void anEligibleApplicationIsReviewedByEachAssignedJudgeAndNotifiedOfTheResult() throws Exception {
        ProcessInstance application = start();
        assertThat(application).hasPassed("Task_DecideEligibility", "Task_RecordEligibility", "Task_AnonymiseDossier")
                .isWaitingAt(ApplicationProcess.TASK_CHECK_REDACTION)
                .variables().containsEntry(ApplicationProcess.ELIGIBILITY_RULE, "ALL_CRITERIA_MET");
        complete(task(application));
        execute(job("Task_ReportSettled", application));
        verify(report).execute(any());
        assertThat(application).isWaitingFor(ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED);

        engine.getRuntimeService().createMessageCorrelation(ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED)
                .processInstanceId(application.getId()).correlate();
        List<Task> reviews = engine.getTaskService().createTaskQuery().taskDefinitionKey(ReviewProcess.TASK_REVIEW_APPLICATION).list();
        org.assertj.core.api.Assertions.assertThat(reviews).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("judge-1", "judge-2", "judge-3");
        for (Task review : reviews) {
            complete(review, withVariables(ReviewProcess.CONFLICT_DECLARED, false));
        }
        engine.getManagementService().createJobQuery().activityId("Task_RecordReview").list().forEach(j -> execute(j));
        verify(recordReview, times(3)).execute(any());
        execute(job("Task_ReportReviewed", application));
        assertThat(application).isWaitingFor(ApplicationProcess.MESSAGE_RESULT_ANNOUNCED);

        engine.getRuntimeService().createMessageCorrelation(ApplicationProcess.MESSAGE_RESULT_ANNOUNCED)
                .processInstanceId(application.getId()).correlate();
        execute(job("Task_NotifyResult", application));
        assertThat(application).hasPassed("EndEvent_ResultNotified").isEnded();
        verify(report, times(2)).execute(any());
        verify(notify).execute(any());
    }

    @Test
    void aWithdrawalDuringTheReviewsEndsThemConfirmsAndReports() throws Exception {
        ProcessInstance application = start();
        complete(task(application));
        execute(job("Task_ReportSettled", application));
        engine.getRuntimeService().createMessageCorrelation(ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED)
                .processInstanceId(application.getId()).correlate();
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery()
                .taskDefinitionKey(ReviewProcess.TASK_REVIEW_APPLICATION).count()).isEqualTo(3);

        engine.getRuntimeService().createMessageCorrelation(ApplicationProcess.MESSAGE_WITHDRAWAL_REQUESTED)
                .processInstanceId(application.getId()).setVariable(ApplicationProcess.STATUS_BEFORE_WITHDRAWAL, "IN_REVIEW")
                .correlate();
        verify(withdraw).execute(any());
        // The reviews ended with the application's own path.
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ReviewProcess.KEY).count()).isZero();
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
        execute(job("Task_NotifyWithdrawal", application));
        execute(job("Task_ReportWithdrawn", application));
        assertThat(application).hasPassed("Task_WithdrawFromCycle", "Task_NotifyWithdrawal", "Task_ReportWithdrawn", "EndEvent_Withdrawn")
                .hasNotPassed("Task_ReportReviewed", "Task_NotifyResult").isEnded();
        verify(notify).execute(any());
    }

    @Test
    void anApplicationTheRulesFindIneligibleIsToldWhyAndReported() throws Exception {
        factsGiven = facts(false, true, "HEI");
        ProcessInstance application = start();
        assertThat(application).hasNotPassed("Task_CheckEligibility", "Task_AnonymiseDossier")
                .variables().containsEntry(ApplicationProcess.ELIGIBILITY_RULE, "LATE");
        execute(job("Task_NotifyIneligible", application));
        execute(job("Task_ReportIneligible", application));
        assertThat(application).hasPassed("EndEvent_Ineligible").isEnded();
        verify(anonymise, never()).execute(any());
    }

    @Test
    void aDoubtfulCaseWaitsForACoordinatorWhoseDecisionCounts() throws Exception {
        factsGiven = facts(true, true, "OTHER");
        ProcessInstance application = start();
        assertThat(application).isWaitingAt(ApplicationProcess.TASK_CHECK_ELIGIBILITY).task().hasCandidateGroup("coordinators");
        complete(task(application), withVariables(ApplicationProcess.COORDINATOR_DECISION, "ELIGIBLE",
                ApplicationProcess.COORDINATOR_REASON, "A foundation that runs a university's teacher training"));
        assertThat(application).hasPassed("Task_RecordEligibility").isWaitingAt(ApplicationProcess.TASK_CHECK_REDACTION);
    }

    @Test
    void aCoordinatorAsksTheApplicantAndDecidesOnceAnsweredOrOnceTheDeadlineHasPassed() throws Exception {
        factsGiven = facts(true, true, "OTHER");
        ProcessInstance application = start();
        complete(task(application), withVariables(ApplicationProcess.COORDINATOR_DECISION, "ASK",
                ApplicationProcess.COORDINATOR_REASON, "Does the foundation award degrees?", ApplicationProcess.CLARIFICATION_DAYS, 7L));
        verify(ask).execute(any());
        assertThat(application).isWaitingAt("Task_AwaitAnswer").hasNotPassed("Task_RecordEligibility");
        // A day before the deadline the applicant is reminded, and the question stays open.
        execute(job("Event_RemindApplicant", application));
        verify(remind).execute(any());
        assertThat(application).isWaitingAt("Task_AwaitAnswer");

        engine.getRuntimeService().createMessageCorrelation(ApplicationProcess.MESSAGE_CLARIFICATION_ANSWERED)
                .processInstanceId(application.getId()).setVariable(ApplicationProcess.CLARIFICATION_NOTE, "Yes, since 2019.").correlate();
        assertThat(application).isWaitingAt(ApplicationProcess.TASK_CHECK_ELIGIBILITY);

        complete(task(application), withVariables(ApplicationProcess.COORDINATOR_DECISION, "ASK",
                ApplicationProcess.COORDINATOR_REASON, "Which degrees?", ApplicationProcess.CLARIFICATION_DAYS, 3L));
        execute(job("Event_AnswerDue", application));
        verify(expired).execute(any());
        assertThat(application).isWaitingAt(ApplicationProcess.TASK_CHECK_ELIGIBILITY);

        complete(task(application), withVariables(ApplicationProcess.COORDINATOR_DECISION, "ELIGIBLE",
                ApplicationProcess.COORDINATOR_REASON, "Degrees since 2019"));
        assertThat(application).hasPassed("Task_RecordEligibility").isWaitingAt(ApplicationProcess.TASK_CHECK_REDACTION);
        verify(ask, times(2)).execute(any());
    }

    @Test
    void fromTheRedactionCheckTheAnswerLeadsToANewDossierAndANewCheck() throws Exception {
        ProcessInstance application = start();
        assertThat(application).isWaitingAt(ApplicationProcess.TASK_CHECK_REDACTION);
        complete(task(application), withVariables(ApplicationProcess.REDACTION_DECISION, "ASK",
                ApplicationProcess.COORDINATOR_REASON, "Please remove the campus's name.", ApplicationProcess.CLARIFICATION_DAYS, 5L));
        assertThat(application).isWaitingAt("Task_AwaitDossierAnswer").hasNotPassed("Task_ReleaseDossier");
        engine.getRuntimeService().createMessageCorrelation(ApplicationProcess.MESSAGE_CLARIFICATION_ANSWERED)
                .processInstanceId(application.getId()).setVariable(ApplicationProcess.CLARIFICATION_NOTE, "Removed.").correlate();
        verify(anonymise, times(2)).execute(any());
        assertThat(application).isWaitingAt(ApplicationProcess.TASK_CHECK_REDACTION);
        complete(task(application));
        assertThat(application).hasPassed("Task_ReleaseDossier");
        verify(release).execute(any());
    }

    @Test
    void aChangeBeforeTheReviewsMakesTheDossierAgainForANewCheck() throws Exception {
        ProcessInstance application = start();
        complete(task(application));
        execute(job("Task_ReportSettled", application));
        assertThat(application).isWaitingFor(ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED, ApplicationProcess.MESSAGE_APPLICATION_CHANGED);
        engine.getRuntimeService().createMessageCorrelation(ApplicationProcess.MESSAGE_APPLICATION_CHANGED)
                .processInstanceId(application.getId()).correlate();
        assertThat(application).isWaitingAt(ApplicationProcess.TASK_CHECK_REDACTION);
        // Changed again during the check: the check starts over on a new dossier.
        engine.getRuntimeService().createMessageCorrelation(ApplicationProcess.MESSAGE_APPLICATION_CHANGED)
                .processInstanceId(application.getId()).correlate();
        verify(anonymise, times(3)).execute(any());
        complete(task(application));
        execute(job("Task_ReportSettled", application));
        verify(report, times(2)).execute(any());
        assertThat(application).isWaitingFor(ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED);
    }

    @Test
    void aDoubtfulCaseTheCoordinatorRefusesEndsIneligible() throws Exception {
        factsGiven = facts(true, true, "OTHER");
        ProcessInstance application = start();
        complete(task(application), withVariables(ApplicationProcess.COORDINATOR_DECISION, "INELIGIBLE",
                ApplicationProcess.COORDINATOR_REASON, "Not an organisation of higher education"));
        execute(job("Task_NotifyIneligible", application));
        execute(job("Task_ReportIneligible", application));
        assertThat(application).hasPassed("EndEvent_Ineligible").hasNotPassed("Task_AnonymiseDossier").isEnded();
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(ApplicationProcess.KEY);
    }
}
