package org.awardeval.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.call.Category;
import org.awardeval.deliberation.PanelRepository.Decision;
import org.awardeval.deliberation.PanelService.PanelRegistration;
import org.awardeval.deliberation.ResultRepository.Result;
import org.awardeval.demo.SampleData;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.web.TaskInputException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The panel votes on the shortlist, recused where conflicted; the chair confirms, with a justification to override. */
@H2Test
@SuppressWarnings({"rawtypes", "unchecked"})
class PanelDeliberationTest {

    /** Sits for Steppe University: recused from its cases. */
    static final String AFFILIATED = "pmaffiliated";
    /** Declared a conflict with Archipelago Institute. */
    static final String DECLARED = "pmdeclared";
    static final String FREE = "pmfree";

    @Autowired InProcessCycle driver;
    @Autowired PanelService panel;
    @Autowired PanelRepository panelRepository;
    @Autowired ResultRepository results;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TestRestTemplate rest;
    @Autowired CallService callService;

    @BeforeEach
    void members() {
        driver.ensureUsers();
        panel.register(new PanelRegistration(AFFILIATED, CycleDriver.PASSWORD, "Ana", "Affiliated", "ana@panel.test",
                "Steppe University pd", "Mongolia", List.of()));
        panel.register(new PanelRegistration(DECLARED, CycleDriver.PASSWORD, "Dan", "Declared", "dan@panel.test",
                "Ocean Council", "Fiji", List.of("Archipelago  Institute PD")));
        panel.register(new PanelRegistration(FREE, CycleDriver.PASSWORD, "Fei", "Free", "fei@panel.test", "Independent", "Chile",
                List.of()));
    }

    @Test
    void membersVoteOnTheirOwnBallotsAndTheChairJustifiesAnOverride() {
        long callId = driver.openCall("Panel vote " + System.nanoTime());
        List<Submission> submitted = SampleData.sixEligible("pd").stream().map(f -> driver.submit(callId, f)).toList();
        String steppeMc = submitted.get(0).code();
        String archipelago = submitted.get(1).code();
        driver.runToPanelVote(callId);
        String cycle = driver.cycleInstance(callId);
        assertThat(results.byCall(callId).stream().filter(Result::shortlisted).map(Result::code)).contains(steppeMc, archipelago);

        Map<String, Task> ballots = new HashMap<>();
        taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").list()
                .forEach(t -> ballots.put(t.getAssignee(), t));
        assertThat(ballots.keySet()).containsExactlyInAnyOrderElementsOf(panel.members());
        assertThat(options(ballots.get(AFFILIATED))).doesNotContain(steppeMc, submitted.get(5).code()).contains(archipelago);
        assertThat(taskService.getVariableLocal(ballots.get(AFFILIATED).getId(), "recusals").toString())
                .contains(steppeMc, submitted.get(5).code());
        assertThat(options(ballots.get(DECLARED))).doesNotContain(archipelago).contains(steppeMc);
        assertThat(options(ballots.get(FREE))).contains(steppeMc, archipelago);
        // What one member's task can read holds no other member's ballot.
        assertThat(taskService.getVariables(ballots.get(FREE).getId()).toString()).doesNotContain("(a conflict of interest");

        String affiliatedTask = ballots.get(AFFILIATED).getId();
        assertThatThrownBy(() -> driver.completeAs(AFFILIATED, affiliatedTask, Map.of("votes", List.of(steppeMc))))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("Your votes: you are recused from " + steppeMc);
        // Over the REST API, as Tasklist submits it: refused with 400 and the reason, not a server error.
        ResponseEntity<Map> refused = rest.withBasicAuth(AFFILIATED, CycleDriver.PASSWORD).postForEntity(
                "/engine-rest/task/" + affiliatedTask + "/complete",
                Map.of("variables", Map.of("votes", Map.of("value", "[\"" + steppeMc + "\"]", "type", "Json"))), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("message").toString()).contains("you are recused from " + steppeMc);
        String freeTask = ballots.get(FREE).getId();
        assertThatThrownBy(() -> driver.completeAs(FREE, freeTask, Map.of("votes", List.of(steppeMc, archipelago))))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("2 votes in category MC; at most 1 are allowed");
        assertThatThrownBy(() -> driver.completeAs(FREE, freeTask, Map.of("votes", List.of("XX-MC-999"))))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("'XX-MC-999' is not on the shortlist");
        assertThat(taskService.createTaskQuery().taskId(freeTask).count()).as("a refused vote leaves the task open").isOne();

        // Archipelago gets two votes, Steppe one: the panel proposes Archipelago whatever the review ranking says.
        driver.completeAs(AFFILIATED, affiliatedTask, Map.of("votes", List.of(archipelago), "voteComment", "Strong transfer"));
        driver.completeAs(FREE, freeTask, Map.of("votes", List.of(archipelago)));
        driver.completeAs(DECLARED, ballots.get(DECLARED).getId(), Map.of("votes", List.of(steppeMc)));
        ballots.keySet().stream().filter(u -> !List.of(AFFILIATED, FREE, DECLARED).contains(u))
                .forEach(u -> driver.completeAs(u, ballots.get(u).getId(), Map.of("votes", List.of())));
        driver.runJobs();

        assertThat(panelRepository.ballots(callId)).hasSize(ballots.size())
                .anySatisfy(b -> assertThat(b.userId()).isEqualTo(AFFILIATED))
                .filteredOn(b -> b.userId().equals(AFFILIATED)).singleElement()
                .satisfies(b -> assertThat(b.votedCodes()).containsExactly(archipelago))
                .satisfies(b -> assertThat(b.comment()).isEqualTo("Strong transfer"))
                .satisfies(b -> assertThat(b.recused()).contains(steppeMc));
        assertThat((Boolean) runtimeService.getVariable(cycle, "quorumReached")).isTrue();
        List<String> proposed = strings(runtimeService.getVariable(cycle, "proposedWinners"));
        assertThat(proposed).contains(archipelago).doesNotContain(steppeMc);
        assertThat(results.byCall(callId)).filteredOn(r -> r.code().equals(archipelago)).singleElement()
                .satisfies(r -> assertThat(r.votes()).isEqualTo(2));

        // The chair prefers Steppe: an override, refused without a justification.
        Task confirm = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_ConfirmWinners").singleResult();
        List<String> chosen = new ArrayList<>(proposed);
        chosen.set(chosen.indexOf(archipelago), steppeMc);
        assertThatThrownBy(() -> driver.completeAs(CycleDriver.CHAIR, confirm.getId(), Map.of("winners", chosen)))
                .isInstanceOf(TaskInputException.class)
                .hasMessageContaining("Justification (required for an override): the winners differ from the panel's proposal");
        List<String> twoInOneCategory = new ArrayList<>(proposed);
        twoInOneCategory.add(steppeMc);
        assertThatThrownBy(() -> driver.completeAs(CycleDriver.CHAIR, confirm.getId(), Map.of("winners", twoInOneCategory,
                "justification", "Two winners in one category")))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("2 winners in category MC; the call awards at most 1");
        String why = "The Steppe case has evidence of national uptake the reviews underrated.";
        driver.completeAs(CycleDriver.CHAIR, confirm.getId(), Map.of("winners", chosen, "justification", why));
        driver.runJobs();

        Decision decision = panelRepository.decision(callId).orElseThrow();
        assertThat(decision.override()).isTrue();
        assertThat(decision.justification()).isEqualTo(why);
        assertThat(decision.chairUserId()).isEqualTo(CycleDriver.CHAIR);
        assertThat(decision.proposed()).contains(archipelago);
        assertThat(results.byCall(callId).stream().filter(Result::winner).map(Result::code)).contains(steppeMc).doesNotContain(archipelago);

        // The audit trail, from the engine's history: who decided what, and when.
        String audit = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD)
                .getForObject("/api/calls/" + callId + "/audit.csv", String.class);
        assertThat(audit.lines().findFirst().orElseThrow()).isEqualTo("at,actor,step,application,decision");
        assertThat(audit).contains(CycleDriver.COORDINATOR + ",Close the call for", "closed the call before its deadline");
        assertThat(audit.lines().filter(l -> l.contains(",Review " + steppeMc + ",") && l.contains(" scored "))).hasSize(3);
        assertThat(audit).contains(AFFILIATED + ",Vote on the shortlist of", "voted for " + archipelago, "recused from " + steppeMc);
        assertThat(audit).contains(CycleDriver.CHAIR + ",Confirm the winners of", "OVERRIDE: " + why);
        assertThat(audit).contains("system (Decision_Eligibility)");
        assertThat(audit.lines().filter(l -> l.contains("Results announced") || l.contains("results announced"))).hasSize(1);
        assertThat(rest.withBasicAuth(AFFILIATED, CycleDriver.PASSWORD).getForEntity("/api/calls/" + callId + "/audit.csv", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void eachCategoryAwardsItsOwnNumberInTheBallotsTheTallyAndTheChairsCheck() {
        OffsetDateTime now = OffsetDateTime.now();
        List<Category> categories = Category.TEMPLATE_2025.stream()
                .map(c -> c.code().equals("MC") ? new Category(c.code(), c.name(), c.description(), 2, null) : c).toList();
        long callId = callService.open(new CallRequest("Quotas " + System.nanoTime(), "Test theme", "TQ", now.plusDays(10),
                now.plusDays(20), 3, 1, CycleDriver.CHAIR, null, categories, null, null, null, null, null));
        List<Submission> submitted = SampleData.sixEligible("qt").stream().map(f -> driver.submit(callId, f)).toList();
        String steppeMc = submitted.get(0).code();
        String archipelagoMc = submitted.get(1).code();
        String copperSc = submitted.get(3).code();
        String steppeSc = submitted.get(5).code();
        driver.runToPanelVote(callId);
        String cycle = driver.cycleInstance(callId);

        Map<String, Task> ballots = new HashMap<>();
        taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").list()
                .forEach(t -> ballots.put(t.getAssignee(), t));
        Task free = ballots.get(FREE);
        assertThat(free.getDescription()).contains("Vote for up to MC 2, NC 1, SC 1, IU 1 application(s) per category");
        assertThat(taskService.getVariableLocal(free.getId(), "ballotCategories").toString()).contains("\"quota\":2");
        // Two in MC are one vote each; two in SC are one too many.
        assertThatThrownBy(() -> driver.completeAs(FREE, free.getId(), Map.of("votes", List.of(steppeMc, archipelagoMc, copperSc,
                steppeSc)))).isInstanceOf(TaskInputException.class).hasMessageContaining("2 votes in category SC; at most 1 are allowed")
                .hasMessageNotContaining("category MC");
        ballots.values().forEach(t -> driver.completeAs(t.getAssignee(), t.getId(), Map.of("votes", t.getAssignee().equals(AFFILIATED)
                ? List.of(archipelagoMc) : List.of(steppeMc, archipelagoMc))));
        driver.runJobs();

        List<String> proposed = strings(runtimeService.getVariable(cycle, "proposedWinners"));
        assertThat(proposed).contains(steppeMc, archipelagoMc);
        assertThat(proposed).filteredOn(code -> code.contains("-SC-")).hasSize(1);
        Task confirm = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_ConfirmWinners").singleResult();
        List<String> twoInSc = new ArrayList<>(proposed);
        twoInSc.add(proposed.contains(copperSc) ? steppeSc : copperSc);
        assertThatThrownBy(() -> driver.completeAs(CycleDriver.CHAIR, confirm.getId(), Map.of("winners", twoInSc,
                "justification", "Two winners in Smart Classrooms this year")))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("2 winners in category SC; the call awards at most 1 there");
        driver.completeAs(CycleDriver.CHAIR, confirm.getId(), Map.of("winners", proposed));
        driver.runJobs();
        assertThat(results.byCall(callId).stream().filter(Result::winner).map(Result::code)).contains(steppeMc, archipelagoMc);
    }

    @Test
    void coordinatorsRegisterPanelMembersWithTheirConflicts() {
        var coordinator = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
        ResponseEntity<Map> registered = coordinator.postForEntity("/api/panel-members", Map.of("userId", "pmapi", "password", "pw",
                "firstName", "Api", "lastName", "Member", "email", "api@panel.test", "affiliation", "Lake University",
                "conflicts", List.of("Hill College")), Map.class);
        assertThat(registered.getStatusCode().value()).isEqualTo(200);
        assertThat(registered.getBody().get("code").toString()).startsWith("P-");
        assertThat((List<String>) registered.getBody().get("conflicts")).containsExactly("hill college");
        assertThat(panel.members()).contains("pmapi");

        ResponseEntity<Map> refused = coordinator.postForEntity("/api/panel-members", Map.of("userId", "pm api", "lastName", "",
                "email", "nope"), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, String>>) refused.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("userId", "lastName", "email");
        assertThat(rest.withBasicAuth(FREE, CycleDriver.PASSWORD).postForEntity("/api/panel-members", Map.of("userId", "x"), Map.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void withoutAQuorumByTheDeadlineTheChairMustJustifyEvenTheProposal() {
        long callId = driver.openCall("Panel deadline " + System.nanoTime());
        SampleData.sixEligible("pq").forEach(f -> driver.submit(callId, f));
        driver.runToPanelVote(callId);
        String cycle = driver.cycleInstance(callId);
        Task one = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").taskAssignee(FREE)
                .singleResult();
        driver.completeAs(FREE, one.getId(), Map.of("votes", driver.topOfEachCategory(new CycleDriver.OpenTask(one.getId(), one.getAssignee(), null, null))));

        var deadline = managementService.createJobQuery().processInstanceId(cycle).activityId("Event_VotingDeadline").singleResult();
        managementService.executeJob(deadline.getId());
        driver.runJobs();
        assertThat(taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").count()).isZero();
        assertThat((Boolean) runtimeService.getVariable(cycle, "quorumReached")).isFalse();
        assertThat(runtimeService.getVariable(cycle, "tallySummary").toString()).startsWith("1 of " + panel.members().size() + " panel members voted")
                .contains("NOT reached");

        Task confirm = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_ConfirmWinners").singleResult();
        Object proposed = runtimeService.getVariableTyped(cycle, "proposedWinners");
        assertThatThrownBy(() -> driver.completeAs(CycleDriver.CHAIR, confirm.getId(), Map.of("winners", proposed)))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("Justification (required for an override): the panel did not reach its quorum");
        driver.completeAs(CycleDriver.CHAIR, confirm.getId(), Map.of("winners", proposed,
                "justification", "Two members were travelling; the proposal follows the review ranking."));
        driver.runJobs();
        assertThat(panelRepository.decision(callId).orElseThrow()).satisfies(d -> assertThat(d.override()).isTrue())
                .satisfies(d -> assertThat(d.ballots()).isEqualTo(1));
    }

    private List<String> options(Task task) {
        List<String> codes = new ArrayList<>();
        Spin.JSON(taskService.getVariableLocal(task.getId(), "voteOptions").toString()).elements()
                .forEach(o -> codes.add(o.prop("value").stringValue()));
        return codes;
    }

    private static List<String> strings(Object json) {
        List<String> codes = new ArrayList<>();
        Spin.JSON(json.toString()).elements().forEach(e -> codes.add(e.stringValue()));
        return codes;
    }
}
