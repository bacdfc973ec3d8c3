package org.awardeval.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.support.PlainEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of award-cycle.bpmn on a plain engine with its delegates mocked: closing early or at the deadline, waiting
 * for the applications to settle and be reviewed, a judge shortage a coordinator resolves, the panel's votes, the
 * voting deadline, the chair's decision and the announcement.
 */
@Deployment(resources = {"processes/award-cycle.bpmn", "processes/forms/call-open.form", "processes/forms/close-call.form",
        "processes/forms/judge-shortage.form", "processes/forms/panel-vote.form", "processes/forms/confirm-winners.form",
        "processes/forms/overdue-review.form", "processes/forms/invite-judges.form"})
class AwardCyclePathTest {

    @RegisterExtension
    static PlainEngine engineExtension = new PlainEngine("award-cycle-path");

    ProcessEngine engine;

    JavaDelegate register = mock(JavaDelegate.class);
    JavaDelegate close = mock(JavaDelegate.class);
    JavaDelegate phaseCheck = mock(JavaDelegate.class);
    JavaDelegate assign = mock(JavaDelegate.class);
    JavaDelegate rank = mock(JavaDelegate.class);
    JavaDelegate recordVote = mock(JavaDelegate.class);
    JavaDelegate tally = mock(JavaDelegate.class);
    JavaDelegate recordDecision = mock(JavaDelegate.class);
    JavaDelegate announce = mock(JavaDelegate.class);
    JavaDelegate digests = mock(JavaDelegate.class);
    JavaDelegate round = mock(JavaDelegate.class);
    JavaDelegate roundAnswered = mock(JavaDelegate.class);
    TaskListener invite = mock(TaskListener.class);
    JavaDelegate overdue = mock(JavaDelegate.class);

    /** The assignment sets when reminders go out and when reviews are due. */
    final org.mockito.stubbing.Answer<Void> assigned = call -> {
        ((DelegateExecution) call.getArgument(0)).setVariable(AwardCycleProcess.REMINDERS_AT, inDays(57));
        ((DelegateExecution) call.getArgument(0)).setVariable(AwardCycleProcess.REVIEWS_DUE_AT, inDays(60));
        return null;
    };

    /** What the phase check answers, in turn. */
    List<Boolean> phases = new ArrayList<>();
    /** How many applications the round finds split, and what its check answers, in turn. */
    int split;
    List<Boolean> answered = new ArrayList<>();

    @BeforeEach
    void mocks() throws Exception {
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(AwardCycleProcess.CALL_ID, 1L);
            execution.setVariable(AwardCycleProcess.CALL_NAME, "Pioneer Award");
            execution.setVariable(AwardCycleProcess.SUBMISSION_DUE, inDays(30));
            execution.setVariable(AwardCycleProcess.POLL_INTERVAL, "PT5M");
            execution.setVariable(AwardCycleProcess.CHAIR_USER_ID, "chair");
            return null;
        }).when(register).execute(any());
        doAnswer(assigned).when(assign).execute(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(AwardCycleProcess.OVERDUE_REVIEWS, 2);
            ((DelegateExecution) call.getArgument(0)).setVariable(AwardCycleProcess.OVERDUE_LIST, "- PA-001 by J-01");
            return null;
        }).when(overdue).execute(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(AwardCycleProcess.PHASE_COMPLETE, phases.isEmpty() || phases.remove(0));
            return null;
        }).when(phaseCheck).execute(any());
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(AwardCycleProcess.PANEL_MEMBERS, new ArrayList<>(List.of("chair", "member-a", "member-b")));
            execution.setVariable(AwardCycleProcess.VOTING_DEADLINE, inDays(14));
            return null;
        }).when(rank).execute(any());
        Map.of("registerCallDelegate", register, "closeCallDelegate", close, "phaseCheckDelegate", phaseCheck,
                "assignJudgesDelegate", assign, "rankApplicationsDelegate", rank, "recordVoteDelegate", recordVote,
                "tallyVotesDelegate", tally, "recordDecisionDelegate", recordDecision, "announceResultsDelegate", announce)
                .forEach(Mocks::register);
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(AwardCycleProcess.SPLIT_APPLICATIONS, split);
            return null;
        }).when(round).execute(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(AwardCycleProcess.PHASE_COMPLETE, answered.remove(0));
            return null;
        }).when(roundAnswered).execute(any());
        Mocks.register("openDisagreementRoundDelegate", round);
        Mocks.register("checkRoundAnsweredDelegate", roundAnswered);
        Mocks.register("sendReviewDigestsDelegate", digests);
        Mocks.register("inviteJudgesListener", invite);
        Mocks.register("noticeOverdueReviewsDelegate", overdue);
        Mocks.register("panelBallotListener", mock(TaskListener.class));
    }

    @Test
    void aCallClosedEarlyRunsThroughReviewsAndThePanelToItsAnnouncement() throws Exception {
        ProcessInstance cycle = start();
        BpmnAwareTests.assertThat(cycle).isWaitingAt(AwardCycleProcess.TASK_CLOSE_CALL_EARLY, AwardCycleProcess.TASK_INVITE_JUDGES)
                .task(AwardCycleProcess.TASK_CLOSE_CALL_EARLY).hasCandidateGroup("coordinators");
        complete(task(AwardCycleProcess.TASK_CLOSE_CALL_EARLY, cycle));
        execute(job("Task_AssignJudges", cycle));
        execute(job("Task_OpenDisagreementRound", cycle));
        BpmnAwareTests.assertThat(cycle).hasPassed("Task_CloseCall", "Task_CheckSettled", "Task_AssignJudges", "Task_CheckReviewed",
                "Task_OpenDisagreementRound", "Task_RankApplications").hasNotPassed("Task_CheckAnswered");

        List<Task> ballots = engine.getTaskService().createTaskQuery().taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).list();
        assertThat(ballots).extracting(Task::getAssignee).containsExactlyInAnyOrder("chair", "member-a", "member-b");
        for (Task ballot : ballots) {
            complete(ballot);
        }
        engine.getManagementService().createJobQuery().activityId("Task_RecordVote").list().forEach(j -> execute(j));
        verify(recordVote, times(3)).execute(any());
        BpmnAwareTests.assertThat(cycle).hasPassed("Task_TallyVotes").isWaitingAt(AwardCycleProcess.TASK_CONFIRM_WINNERS)
                .task(AwardCycleProcess.TASK_CONFIRM_WINNERS).isAssignedTo("chair");
        complete(task(AwardCycleProcess.TASK_CONFIRM_WINNERS, cycle));
        verify(recordDecision).execute(any());
        execute(job("Task_Announce", cycle));
        verify(announce).execute(any());
        BpmnAwareTests.assertThat(cycle).hasPassed("EndEvent_Announced").isEnded();
    }

    @Test
    void atTheDeadlineTheCycleWaitsForTheApplicationsAndLooksAgainWhenOneReportsOrThePollTimerFires() throws Exception {
        phases.addAll(List.of(false, false, true, false, true));
        ProcessInstance cycle = start();
        execute(engine.getManagementService().createJobQuery().activityId(AwardCycleProcess.EVENT_SUBMISSION_DEADLINE).singleResult());
        verify(close).execute(any());
        BpmnAwareTests.assertThat(cycle).isWaitingFor(AwardCycleProcess.MESSAGE_APPLICATION_SETTLED);
        engine.getRuntimeService().createMessageCorrelation(AwardCycleProcess.MESSAGE_APPLICATION_SETTLED).processInstanceId(cycle.getId())
                .correlate();
        BpmnAwareTests.assertThat(cycle).isWaitingFor(AwardCycleProcess.MESSAGE_APPLICATION_SETTLED);
        execute(engine.getManagementService().createJobQuery().activityId("Event_SettlePoll").singleResult());
        execute(job("Task_AssignJudges", cycle));
        BpmnAwareTests.assertThat(cycle).isWaitingFor(AwardCycleProcess.MESSAGE_APPLICATION_REVIEWED);
        engine.getRuntimeService().createMessageCorrelation(AwardCycleProcess.MESSAGE_APPLICATION_REVIEWED).processInstanceId(cycle.getId())
                .correlate();
        execute(job("Task_OpenDisagreementRound", cycle));
        BpmnAwareTests.assertThat(cycle).hasPassed("Task_RankApplications").isWaitingAt(AwardCycleProcess.TASK_PANEL_VOTE);
        verify(phaseCheck, times(5)).execute(any());
    }

    @Test
    void withSplitApplicationsTheCycleWaitsUntilEveryJudgeAskedHasAnsweredLookingAgainAtTheLastAnswerOrThePollTimer() throws Exception {
        split = 2;
        answered.addAll(List.of(false, false, false, true));
        ProcessInstance cycle = start();
        complete(task(AwardCycleProcess.TASK_CLOSE_CALL_EARLY, cycle));
        execute(job("Task_AssignJudges", cycle));
        execute(job("Task_OpenDisagreementRound", cycle));
        BpmnAwareTests.assertThat(cycle).hasPassed("Task_OpenDisagreementRound", "Task_CheckAnswered")
                .isWaitingFor(AwardCycleProcess.MESSAGE_ROUND_ANSWERED).hasNotPassed("Task_RankApplications");
        // A wake-up whose check finds an answer still open, then the poll timer, then the last answer's message.
        engine.getRuntimeService().createMessageCorrelation(AwardCycleProcess.MESSAGE_ROUND_ANSWERED).processInstanceId(cycle.getId())
                .correlate();
        BpmnAwareTests.assertThat(cycle).isWaitingFor(AwardCycleProcess.MESSAGE_ROUND_ANSWERED);
        execute(engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).activityId("Event_RoundPoll").singleResult());
        BpmnAwareTests.assertThat(cycle).isWaitingFor(AwardCycleProcess.MESSAGE_ROUND_ANSWERED).hasNotPassed("Task_RankApplications");
        engine.getRuntimeService().createMessageCorrelation(AwardCycleProcess.MESSAGE_ROUND_ANSWERED).processInstanceId(cycle.getId())
                .correlate();
        BpmnAwareTests.assertThat(cycle).hasPassed("Task_RankApplications").isWaitingAt(AwardCycleProcess.TASK_PANEL_VOTE);
        verify(roundAnswered, times(4)).execute(any());
    }

    @Test
    void theJudgesGetOneReminderRoundThenOverdueReviewsGoToTheCoordinatorsAndTheAnnouncementEndsWhatIsLeft() throws Exception {
        phases.addAll(List.of(true, false));
        ProcessInstance cycle = start();
        complete(task(AwardCycleProcess.TASK_CLOSE_CALL_EARLY, cycle));
        execute(job("Task_AssignJudges", cycle));
        BpmnAwareTests.assertThat(cycle).isWaitingAt("Event_RemindersDue").isWaitingFor(AwardCycleProcess.MESSAGE_APPLICATION_REVIEWED);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(cycle.getId()).timers().list())
                .extracting(j -> j.getDuedate()).anySatisfy(due -> assertThat(due).isCloseTo(inDays(57), 60_000));
        execute(engine.getManagementService().createJobQuery().activityId("Event_RemindersDue").singleResult());
        execute(job("Task_SendDigests", cycle));
        verify(digests).execute(any());
        execute(engine.getManagementService().createJobQuery().activityId("Event_ReviewsDue").singleResult());
        execute(job("Task_NoticeOverdue", cycle));
        verify(overdue).execute(any());
        BpmnAwareTests.assertThat(cycle).isWaitingAt(AwardCycleProcess.TASK_FOLLOW_UP_OVERDUE).task(AwardCycleProcess.TASK_FOLLOW_UP_OVERDUE).hasCandidateGroup("coordinators");
        // The reviews come in meanwhile; the open follow-up does not hold the cycle after the announcement.
        engine.getRuntimeService().createMessageCorrelation(AwardCycleProcess.MESSAGE_APPLICATION_REVIEWED).processInstanceId(cycle.getId())
                .correlate();
        execute(job("Task_OpenDisagreementRound", cycle));
        for (Task ballot : engine.getTaskService().createTaskQuery().taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).list()) {
            complete(ballot);
        }
        engine.getManagementService().createJobQuery().activityId("Task_RecordVote").list().forEach(j -> execute(j));
        complete(task(AwardCycleProcess.TASK_CONFIRM_WINNERS, cycle));
        execute(job("Task_Announce", cycle));
        BpmnAwareTests.assertThat(cycle).hasPassed("EndEvent_Announced").isEnded();
    }

    @Test
    void coordinatorsInviteJudgesOnceWhileTheCallIsOpenAndTheTaskClosesAtTheSubmissionDeadline() throws Exception {
        ProcessInstance cycle = start();
        BpmnAwareTests.assertThat(cycle).isWaitingAt(AwardCycleProcess.TASK_INVITE_JUDGES).task(AwardCycleProcess.TASK_INVITE_JUDGES)
                .hasCandidateGroup("coordinators");
        complete(task(AwardCycleProcess.TASK_INVITE_JUDGES, cycle), withVariables(AwardCycleProcess.REVIEW_LOAD, 6));
        verify(invite, times(2)).notify(any()); // created, completed
        BpmnAwareTests.assertThat(cycle).hasPassed("EndEvent_Invited").isWaitingAt(AwardCycleProcess.TASK_CLOSE_CALL_EARLY);

        ProcessInstance silent = start();
        execute(engine.getManagementService().createJobQuery().processInstanceId(silent.getId()).activityId("Event_InvitationsClosed")
                .singleResult());
        BpmnAwareTests.assertThat(silent).hasPassed("EndEvent_InvitationsClosed").hasNotPassed("EndEvent_Invited");
    }

    @Test
    void aJudgeShortageWaitsForACoordinatorAndAssignsAgain() throws Exception {
        doThrow(new BpmnError(AwardCycleProcess.ERROR_JUDGE_SHORTAGE, "MC: 2 judges short")).doAnswer(assigned).when(assign).execute(any());
        ProcessInstance cycle = start();
        complete(task(AwardCycleProcess.TASK_CLOSE_CALL_EARLY, cycle));
        execute(job("Task_AssignJudges", cycle));
        BpmnAwareTests.assertThat(cycle).isWaitingAt("Task_ResolveShortage");
        complete(task("Task_ResolveShortage", cycle));
        execute(job("Task_AssignJudges", cycle));
        execute(job("Task_OpenDisagreementRound", cycle));
        BpmnAwareTests.assertThat(cycle).hasPassed("Task_RankApplications");
        verify(assign, times(2)).execute(any());
    }

    @Test
    void atTheVotingDeadlineTheVotesCastAreCounted() throws Exception {
        ProcessInstance cycle = start();
        complete(task(AwardCycleProcess.TASK_CLOSE_CALL_EARLY, cycle));
        execute(job("Task_AssignJudges", cycle));
        execute(job("Task_OpenDisagreementRound", cycle));
        complete(engine.getTaskService().createTaskQuery().taskAssignee("member-a").singleResult(), withVariables("voteComment", "ok"));
        execute(engine.getManagementService().createJobQuery().activityId("Event_VotingDeadline").singleResult());
        BpmnAwareTests.assertThat(cycle).hasPassed("Task_TallyVotes").isWaitingAt(AwardCycleProcess.TASK_CONFIRM_WINNERS);
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(AwardCycleProcess.TASK_PANEL_VOTE).count()).isZero();
        verify(tally).execute(any());
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(AwardCycleProcess.KEY);
    }

    private static Date inDays(int days) {
        return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }
}
