package org.awardeval.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService;
import org.awardeval.call.CallStatus;
import org.awardeval.deliberation.PanelService;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.deliberation.ResultRepository;
import org.awardeval.demo.SampleData;
import org.awardeval.mail.OutboxRepository.Stored;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One award cycle from call to announcement, every user acting as themselves. Runs once per database. */
abstract class FullCycleScenario {

    @Autowired InProcessCycle driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ApplicationRepository applications;
    @Autowired CallRepository calls;
    @Autowired ResultRepository results;
    @Autowired OutboxRepository notifications;
    @Autowired JdbcClient jdbc;
    @Autowired PanelService panel;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aCycleRunsFromCallToAnnouncement() {
        long callId = driver.openCall("Full cycle " + getClass().getSimpleName());
        String cycleInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CallService.businessKey(callId))
                .singleResult().getId();

        List<ApplicationForm> forms = new java.util.ArrayList<>(SampleData.sixEligible("fc"));
        forms.add(SampleData.form("Quiet College fc", "HEI", "Kenya", "NC", "Wanjiru Kamau", "wanjiru@quiet.test", false));
        forms.add(SampleData.form("Open Learning Network fc", "OTHER", "Rwanda", "MC", "Jean Habimana", "jean@oln.test", true));
        forms.forEach(form -> driver.submit(callId, form));
        driver.runJobs();
        assertThat(driver.confirmRedactions(callId)).as("every eligible application's redaction checked").isEqualTo(6);

        // The coordinator closes the call while one application still waits for an eligibility check: the cycle waits.
        Task close = taskService.createTaskQuery().processInstanceId(cycleInstance).taskDefinitionKey("Task_CloseCallEarly").singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, close.getId(), Map.of());
        assertThat(calls.get(callId).status()).isEqualTo(CallStatus.CLOSED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(cycleInstance).singleResult())
                .isWaitingAt("Gateway_WaitSettled");

        Task check = taskService.createTaskQuery().taskDefinitionKey("Task_CheckEligibility").taskCandidateGroup("coordinators")
                .processInstanceBusinessKey(codeOf(callId, "Open Learning Network fc")).singleResult();
        driver.completeAs(CycleDriver.COORDINATOR, check.getId(),
                Map.of("coordinatorDecision", "ELIGIBLE", "coordinatorReason", "A registered network of universities"));
        assertThat(driver.confirmRedactions(callId)).isOne();

        // Every eligible application now has three judges, each with a review task of their own.
        List<StoredApplication> inReview = applications.byCallAndStatus(callId, ApplicationStatus.IN_REVIEW);
        assertThat(inReview).hasSize(7);
        assertThat(applications.byCallAndStatus(callId, ApplicationStatus.INELIGIBLE)).hasSize(1);
        long conflicts = jdbc.sql("""
                SELECT COUNT(*) FROM assignment s JOIN application a ON a.id = s.application_id
                JOIN organisation o ON o.id = a.organisation_id JOIN judge j ON j.id = s.judge_id
                WHERE s.call_id = ? AND (LOWER(j.country) = LOWER(o.country) OR LOWER(j.affiliation) = LOWER(o.name))""")
                .param(callId).query(Long.class).single();
        assertThat(conflicts).isZero();

        Map<String, Integer> reviewsPerJudge = new HashMap<>();
        int score = 1;
        for (Task task : taskService.createTaskQuery().processDefinitionKey("Review").list()) {
            if (!codesOf(inReview).contains(taskService.getVariable(task.getId(), "applicationCode"))) {
                continue;
            }
            driver.completeAs(task.getAssignee(), task.getId(), CycleDriver.review(1 + (score++ % 5)));
            reviewsPerJudge.merge(task.getAssignee(), 1, Integer::sum);
        }
        assertThat(reviewsPerJudge.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(21);
        int most = reviewsPerJudge.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int least = CycleDriver.JUDGES.stream().mapToInt(j -> reviewsPerJudge.getOrDefault(j.userId(), 0)).min().orElseThrow();
        assertThat(most - least).as("review load spread %s", reviewsPerJudge).isLessThanOrEqualTo(2);
        driver.runJobs();
        driver.keepAllScores(callId); // the judges of split applications keep their scores
        driver.runJobs();

        // Every panel member votes on the shortlist; then the chair confirms the winners the panel proposes.
        assertThat(driver.votePanel(callId)).isEqualTo(panel.members().size());
        driver.runJobs();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM panel_ballot WHERE call_id = ?").param(callId).query(Long.class).single())
                .isEqualTo(panel.members().size());
        Task confirm = taskService.createTaskQuery().processInstanceId(cycleInstance).taskDefinitionKey("Task_ConfirmWinners").singleResult();
        assertThat(confirm.getAssignee()).isEqualTo(CycleDriver.CHAIR);
        String proposed = runtimeService.getVariableTyped(cycleInstance, "winners").getValue().toString();
        driver.completeAs(CycleDriver.CHAIR, confirm.getId(),
                Map.of("winners", SpinValues.jsonValue(proposed).create(), "justification", ""));
        assertThat(jdbc.sql("SELECT override FROM winner_decision WHERE call_id = ?").param(callId).query(Boolean.class).single()).isFalse();
        driver.runJobs();

        HistoricProcessInstance cycle = historyService.createHistoricProcessInstanceQuery().processInstanceId(cycleInstance).singleResult();
        assertThat(cycle.getEndActivityId()).isEqualTo("EndEvent_Announced");
        AwardCall call = calls.get(callId);
        assertThat(call.status()).isEqualTo(CallStatus.ANNOUNCED);

        List<Result> ranking = results.byCall(callId);
        assertThat(ranking).hasSize(7).allSatisfy(r -> assertThat(r.reviewCount()).isEqualTo(3));
        List<String> winners = ranking.stream().filter(Result::winner).map(Result::code).toList();
        assertThat(Spin.JSON(proposed).elements().stream().map(e -> e.stringValue()).toList()).containsExactlyInAnyOrderElementsOf(winners);
        // One winner per category (the call's setting), each ranked first in its category.
        assertThat(winners).hasSize(4);
        assertThat(ranking.stream().filter(Result::winner)).allSatisfy(r -> assertThat(r.rankInCategory()).isEqualTo(1));

        List<Stored> sent = notifications.byCall(callId);
        assertThat(sent).hasSize(8);
        assertThat(sent.stream().collect(Collectors.groupingBy(Stored::applicationId, Collectors.counting())).values())
                .containsOnly(1L);
        assertThat(sent.stream().filter(n -> n.kind().equals("INELIGIBLE"))).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("consent"));
        assertThat(sent.stream().filter(n -> n.subject().contains("selected"))).hasSize(4);
        assertThat(applications.byCall(callId)).extracting(StoredApplication::status)
                .containsOnly(ApplicationStatus.AWARDED, ApplicationStatus.NOT_AWARDED, ApplicationStatus.INELIGIBLE);
        assertThat(applications.byCall(callId)).allSatisfy(a -> assertThat(
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(a.code()).count()).as(a.code()).isZero());

        // Nothing the cycle kept is Java-serialized: collections are JSON, the eligibility decision's result is not kept.
        List<String> roots = new ArrayList<>(List.of(cycleInstance));
        applications.byCall(callId).forEach(a -> roots.add(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(a.code()).singleResult().getId()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE ROOT_PROC_INST_ID_ IN (:roots) AND NAME_ = 'eligibilityOutcome'")
                .param("roots", roots).query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT NAME_ FROM ACT_HI_VARINST WHERE ROOT_PROC_INST_ID_ IN (:roots) AND VAR_TYPE_ = 'serializable'")
                .param("roots", roots).query(String.class).list()).isEmpty();
        // Each variable keeps one type for its whole life: the deadline is not text at the start and a date later.
        assertThat(jdbc.sql("""
                SELECT VAR_INST_ID_ FROM ACT_HI_DETAIL WHERE ROOT_PROC_INST_ID_ IN (:roots) AND VAR_TYPE_ <> 'null'
                GROUP BY VAR_INST_ID_ HAVING COUNT(DISTINCT VAR_TYPE_) > 1""").param("roots", roots).query(String.class).list())
                .isEmpty();
    }

    private String codeOf(long callId, String organisation) {
        return applications.byCall(callId).stream().filter(a -> a.organisationName().equals(organisation)).findFirst()
                .orElseThrow().code();
    }

    private static List<String> codesOf(List<StoredApplication> list) {
        return list.stream().map(StoredApplication::code).toList();
    }
}
