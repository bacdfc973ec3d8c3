package org.awardeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.deliberation.PanelService.PanelRegistration;
import org.awardeval.deliberation.PanelService;
import org.awardeval.demo.SampleData;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The panel votes and the chair decides in Tasklist. */
@H2Test
@EnabledIf("org.awardeval.support.Chromium#enabled")
class PanelBrowserTest extends BrowserTestBase {

    static final String RECUSED = "bprecused";

    @Autowired InProcessCycle driver;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired PanelService panel;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

    @Test
    void eachPanelMemberVotesInTasklistAndTheChairConfirmsAnOverrideOnlyWithAJustification() throws Exception {
        driver.ensureUsers();
        panel.register(new PanelRegistration(RECUSED, CycleDriver.PASSWORD, "Rita", "Recused", "rita@panel.test", "Ocean Council",
                "Fiji", List.of("Archipelago Institute bp")));
        String callName = "Browser panel " + System.nanoTime();
        long callId = driver.openCall(callName);
        SampleData.sixEligible("bp").forEach(form -> driver.submit(callId, form));
        driver.runToPanelVote(callId);
        String cycle = driver.cycleInstance(callId);
        String recusedCode = jdbc.sql("SELECT a.code FROM application a JOIN organisation o ON o.id = a.organisation_id"
                + " WHERE a.call_id = ? AND o.name = 'Archipelago Institute bp'").param(callId).query(String.class).single();

        List<Task> votes = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").list();
        assertThat(votes).extracting(Task::getAssignee).contains(RECUSED, CycleDriver.CHAIR);
        Map<String, String> chosen = new java.util.HashMap<>();
        for (Task vote : votes) {
            List<String> options = options(vote);
            chosen.put(vote.getAssignee(), options.get(0));
            String member = vote.getAssignee();
            driver.knownPassword(member);
            browser.camundaLogin("tasklist", member, CycleDriver.PASSWORD);
            openFilter("My votes");
            openTask(callName);
            String ballot = browser.await(d -> {
                String text = browser.visible(By.cssSelector(".fjs-form")).getText();
                return text.contains(options.get(0)) ? text : null;
            });
            if (member.equals(RECUSED)) {
                assertThat(options).doesNotContain(recusedCode);
                assertThat(ballot).contains("Recused (not on your ballot): " + recusedCode);
                browser.picture("panel-vote-form", null);
            }
            tick(options.get(0));
            type("Comment for the panel", "My choice, " + member);
            complete();
            browser.await(d -> taskService.createTaskQuery().taskId(vote.getId()).count() == 0);
            browser.driver().manage().deleteAllCookies();
        }
        driver.runJobs();
        Map<String, List<String>> ballots = new java.util.HashMap<>();
        jdbc.sql("SELECT v.user_id, a.code FROM panel_vote v JOIN application a ON a.id = v.application_id WHERE v.call_id = ?")
                .param(callId).query(rs -> {
                    ballots.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        assertThat(ballots).hasSize(votes.size());
        chosen.forEach((member, code) -> assertThat(ballots.get(member)).as(member).containsExactly(code));

        Task confirm = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_ConfirmWinners").singleResult();
        assertThat(confirm.getAssignee()).isEqualTo(CycleDriver.CHAIR);
        List<String> proposed = new ArrayList<>();
        Spin.JSON(runtimeService.getVariableTyped(cycle, "proposedWinners").getValue().toString()).elements()
                .forEach(e -> proposed.add(e.stringValue()));
        browser.camundaLogin("tasklist", CycleDriver.CHAIR, CycleDriver.PASSWORD);
        openFilter("My tasks");
        openTask("Confirm the winners of " + callName);
        browser.await(d -> browser.visible(By.cssSelector(".fjs-form")).getText().contains(proposed.get(0)));
        assertThat(checked(proposed.get(0))).as("the proposal comes ticked").isTrue();
        // The chair departs from the proposal and gives no justification: refused, the task stays.
        tick(proposed.get(0));
        complete();
        String refusal = browser.await(d -> {
            String page = d.findElement(By.tagName("body")).getText();
            return page.contains("differ from the panel's proposal") ? page : null;
        });
        assertThat(refusal).contains("Justification (required for an override): the winners differ").doesNotContain("Exception")
                .doesNotContain(confirm.getId());
        browser.picture("chair-override-refused", null);
        assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isOne();
        // The chair closes the message, as it covers the form's buttons.
        browser.driver().findElements(By.cssSelector(".page-notifications [ng-click^='removeNotification']")).forEach(WebElement::click);
        browser.await(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream().noneMatch(WebElement::isDisplayed));
        type("Justification (required for an override)", "The first case is already funded by another award this year.");
        complete();
        browser.await(d -> taskService.createTaskQuery().taskId(confirm.getId()).count() == 0);
        driver.runJobs();
        Map<String, Object> decision = jdbc.sql("SELECT chair_user_id, override FROM winner_decision WHERE call_id = ?")
                .param(callId).query().singleRow();
        String winners = String.join(", ", jdbc.sql("SELECT application_code FROM result WHERE call_id = ? AND winner")
                .param(callId).query(String.class).list());
        assertThat(decision.get("CHAIR_USER_ID")).isEqualTo(CycleDriver.CHAIR);
        assertThat(winners).doesNotContain(proposed.get(0));
        assertThat(decision.get("OVERRIDE")).isEqualTo(true);
    }

    @Test
    void aMemberReadsAShortlistOfTwelveOnALaptopAndVotesFromTheBallotThatCountsTheChoices() throws Exception {
        driver.ensureUsers();
        String callName = "Reading view " + System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        long callId = driver.open(new CallRequest(callName, "Test theme", "RV", now.plusDays(10), now.plusDays(20), 3, 3, CycleDriver.CHAIR,
                null, null, null, null, null, 12, false));
        for (int i = 0; i < 12; i++) {
            driver.submit(callId, SampleData.generated(i * 4)); // every fourth is of the first category
        }
        driver.runToPanelVote(callId);
        String cycle = driver.cycleInstance(callId);
        Task vote = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_PanelVote").taskAssignee(CycleDriver.CHAIR)
                .singleResult();
        List<String> options = options(vote);
        assertThat(options).hasSize(12);

        driver.knownPassword(CycleDriver.CHAIR);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.camundaLogin("tasklist", CycleDriver.CHAIR, CycleDriver.PASSWORD);
        browser.go("/camunda/app/tasklist/default/#/?task=" + vote.getId());
        String ballot = browser.await(d -> {
            String text = browser.visible(By.cssSelector(".fjs-form")).getText();
            return text.contains("Chosen so far") ? text : null;
        });
        String title = jdbc.sql("SELECT d.title FROM dossier d JOIN application a ON a.id = d.application_id WHERE a.code = ?")
                .param(options.get(0)).query(String.class).single();
        assertThat(ballot).contains(options.get(0) + ": " + title + " (Digital and AI competencies through IIOE Micro-certification").contains("ranked 1)")
                .contains("0 of 3").doesNotContain("From the reviews");
        tick(options.get(0));
        tick(options.get(1));
        browser.await(d -> browser.visible(By.cssSelector(".fjs-form")).getText().contains(": 2 of 3"));

        // The reading view, from the ballot's link, in the same session.
        browser.click(By.linkText("Read the shortlist with scores, summaries and reviews"));
        browser.await(d -> d.getCurrentUrl().contains("/panel/calls/" + callId) && !d.findElements(By.cssSelector("table.shortlist")).isEmpty());
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.shortlist tbody tr"));
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0).getText()).startsWith("1 " + options.get(0)).contains(title).containsPattern("\\d\\.\\d{2}");
        assertThat(rows.get(0).getText()).doesNotContainPattern("\\d\\.\\d{3}");
        Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("no horizontal scrolling at 1440x900").isLessThanOrEqualTo(0);
        rows.get(0).findElement(By.tagName("summary")).click();
        String reviews = browser.await(d -> {
            String text = d.findElements(By.cssSelector("table.shortlist tbody tr")).get(0).getText();
            return text.contains("J-") ? text : null;
        });
        String organisation = jdbc.sql("SELECT o.name FROM organisation o JOIN application a ON a.organisation_id = o.id WHERE a.code = ?")
                .param(options.get(0)).query(String.class).single();
        assertThat(reviews).containsPattern("J-\\d+ \\(\\d\\.\\d{2}\\): Solid case").doesNotContain(organisation);
        browser.picture("panel-reading-view", null);

        browser.go("/camunda/app/tasklist/default/#/?task=" + vote.getId());
        browser.await(d -> browser.visible(By.cssSelector(".fjs-form")).getText().contains("Chosen so far"));
        tick(options.get(0));
        tick(options.get(1));
        tick(options.get(2));
        browser.await(d -> browser.visible(By.cssSelector(".fjs-form")).getText().contains(": 3 of 3"));
        complete();
        browser.await(d -> taskService.createTaskQuery().taskId(vote.getId()).count() == 0);
        driver.runJobs();
        assertThat(jdbc.sql("SELECT a.code FROM panel_vote v JOIN application a ON a.id = v.application_id WHERE v.call_id = ? AND v.user_id = ?")
                .params(callId, CycleDriver.CHAIR).query(String.class).list()).containsExactlyInAnyOrderElementsOf(options.subList(0, 3));
    }

    @Test
    void theReadingViewIsForThePanelAndCoordinatorsOnly() throws Exception {
        browser.go("/panel/calls/1");
        browser.await(d -> d.getCurrentUrl().contains("/camunda/app/tasklist"));
        driver.ensureUsers();
        browser.camundaLogin("tasklist", "tj01", CycleDriver.PASSWORD);
        browser.go("/panel/calls/1");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Shortlist of");
    }

    @Test
    void aJudgeOfASplitApplicationRevisesInTasklistWithAReasonAndThePanelReadsTheRevision() throws Exception {
        String callName = "Disagreement " + System.nanoTime();
        long callId = driver.openCall(callName);
        SampleData.sixEligible("dr").forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        driver.reviewAll(callId);
        driver.runJobs();
        List<String> codes = jdbc.sql("SELECT code FROM application WHERE call_id = ?").param(callId).query(String.class).list();
        Task reconsider = taskService.createTaskQuery().taskDefinitionKey("Task_Reconsider").list().stream()
                .filter(t -> codes.contains(String.valueOf(taskService.getVariable(t.getId(), "applicationCode")))).findFirst().orElseThrow();
        String code = (String) taskService.getVariable(reconsider.getId(), "applicationCode");
        String judgeCode = (String) taskService.getVariable(reconsider.getId(), "judgeCode");

        browser.camundaLogin("tasklist", reconsider.getAssignee(), CycleDriver.PASSWORD);
        browser.go("/camunda/app/tasklist/default/#/?task=" + reconsider.getId());
        String form = browser.await(d -> {
            String text = browser.visible(By.cssSelector(".fjs-form")).getText();
            return text.contains("The other reviews") ? text : null;
        });
        assertThat(form).contains("Reconsider " + code).containsPattern("J-\\d+: total \\d\\.\\d{2}").contains("Your review (" + judgeCode + ")");
        pick("Your decision", "Revise");
        pick("Innovation", "3");
        pick("Impact and reach", "3");
        pick("Equity and inclusion", "3");
        pick("Transferability", "3");
        pick("Sustainability and policy alignment", "3");
        complete();
        String refusal = browser.await(d -> {
            String page = d.findElement(By.tagName("body")).getText();
            return page.contains("is required when you revise") ? page : null;
        });
        assertThat(refusal).contains("Reason (shown to the panel)").doesNotContain("revisionReason");
        browser.driver().findElements(By.cssSelector(".page-notifications [ng-click^='removeNotification']")).forEach(WebElement::click);
        type("Reason (shown to the panel)", "The other reviews show the results were measured; I under-rated them.");
        complete();
        browser.await(d -> taskService.createTaskQuery().taskId(reconsider.getId()).count() == 0);
        driver.runJobs();
        driver.keepAllScores(callId);
        driver.runJobs();
        assertThat(jdbc.sql("SELECT total FROM review r WHERE r.call_id = ? AND r.judge_code = ? AND r.application_id = (SELECT id FROM"
                + " application WHERE code = ?)").params(callId, judgeCode, code).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("3.000");

        browser.driver().manage().deleteAllCookies();
        driver.knownPassword(CycleDriver.CHAIR);
        browser.camundaLogin("tasklist", CycleDriver.CHAIR, CycleDriver.PASSWORD);
        browser.go("/panel/calls/" + callId);
        WebElement row = browser.visible(By.xpath("//tr[td[@class='code']/span[normalize-space(.)='" + code + "']]"));
        row.findElement(By.tagName("summary")).click();
        String read = browser.await(d -> {
            String text = d.findElement(By.xpath("//tr[td[@class='code']/span[normalize-space(.)='" + code + "']]")).getText();
            return text.contains("Revised") ? text : null;
        });
        assertThat(read).contains(judgeCode + " (3.00)").containsPattern("Revised in the disagreement round from \\d\\.\\d{2} to 3\\.00: "
                + "The other reviews show the results were measured");
        String audit = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD)
                .getForObject("/api/calls/" + callId + "/audit.csv", String.class);
        assertThat(audit).contains("Reconsider " + code).containsPattern(judgeCode + " revised [\\d.]+ to 3\\.000: The other reviews show");
    }

    private List<String> options(Task vote) {
        List<String> options = new ArrayList<>();
        Spin.JSON(taskService.getVariableLocal(vote.getId(), "voteOptions").toString()).elements()
                .forEach(o -> options.add(o.prop("value").stringValue()));
        return options;
    }

    private WebElement checkbox(String code) {
        WebElement label = browser.visible(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]//label[starts-with(normalize-space(.),'"
                + code + ":') or contains(normalize-space(.),'" + code + " (')]"));
        List<WebElement> inside = label.findElements(By.tagName("input"));
        return inside.isEmpty() ? browser.driver().findElement(By.id(label.getAttribute("for"))) : inside.get(0);
    }

    private boolean checked(String code) {
        return checkbox(code).isSelected();
    }

    /** Ticks or unticks the choice of an application, as a click on it does. */
    private void tick(String code) {
        boolean before = checked(code);
        browser.await(d -> {
            WebElement box = checkbox(code);
            if (box.isSelected() == before) {
                browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", box);
            }
            return checkbox(code).isSelected() != before;
        });
    }
}
