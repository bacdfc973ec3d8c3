package org.awardeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.support.Axe;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A coordinator invites in Tasklist; a judge accepts and signs the declaration; a decline shows in the coordinator's count. */
@H2Test
@EnabledIf("org.awardeval.support.Chromium#enabled")
class InvitationBrowserTest extends BrowserTestBase {

    static final Pattern LINK = Pattern.compile("/judging/invitations/[A-Za-z0-9_-]{43}");

    @Autowired InProcessCycle driver;
    @Autowired TaskService taskService;
    @Autowired JudgeRepository judges;
    @Autowired JdbcClient jdbc;

    @Test
    void aJudgeAcceptsAndSignsTheDeclarationAndADeclineShowsInTheCoordinatorsCount() throws Exception {
        String callName = "Invitations " + System.nanoTime();
        long callId = driver.openCall(callName);
        String cycle = driver.cycleInstance(callId);
        Task invite = taskService.createTaskQuery().processInstanceId(cycle).taskDefinitionKey("Task_InviteJudges").singleResult();

        browser.camundaLogin("tasklist", CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
        browser.go("/camunda/app/tasklist/default/#/?task=" + invite.getId());
        browser.await(d -> browser.visible(By.cssSelector(".fjs-form")).getText().contains("Invite judges to " + callName));
        claim();
        for (String judge : List.of("tj01", "tj02")) {
            By box = By.xpath("//div[contains(@class,'fjs-form-field-checklist')]//label[contains(normalize-space(.),'Institute " + judge
                    + ",')]//input");
            browser.await(d -> {
                WebElement input = browser.visible(box);
                if (!input.isSelected()) {
                    browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", input);
                }
                return d.findElement(box).isSelected();
            });
        }
        type("Reviews asked of each", "4");
        complete();
        browser.await(d -> taskService.createTaskQuery().taskId(invite.getId()).count() == 0);

        // The judge opens the link of their e-mail.
        browser.go(link(callId, "tj01"));
        String page = browser.visible(By.tagName("main")).getText();
        assertThat(page).contains("Invitation to judge " + callName).contains("up to 4").contains("I will keep confidential");
        Axe.assertAccessible(browser, "a judge's invitation");
        browser.picture("judge-invitation", null);
        browser.click(By.xpath("//button[normalize-space(.)='Accept and sign']"));
        String refused = browser.await(d -> {
            String text = d.findElement(By.tagName("main")).getText();
            return text.contains("Please correct") ? text : null;
        });
        assertThat(refused).contains("Declaration must be ticked to accept");
        browser.click(By.id("declaration"));
        WebElement load = browser.visible(By.id("load"));
        load.clear();
        load.sendKeys("3");
        browser.visible(By.id("timeZone")).sendKeys("Europe/Oslo");
        browser.visible(By.id("conflicts")).sendKeys("Fjord College");
        browser.click(By.xpath("//button[normalize-space(.)='Accept and sign']"));
        String accepted = browser.await(d -> {
            String text = d.findElement(By.tagName("main")).getText();
            return text.contains("Thank you: you accepted") ? text : null;
        });
        assertThat(accepted).contains("up to 3 applications").contains("version 1");
        assertThat(judges.timeZone("tj01")).contains("Europe/Oslo");
        assertThat(judges.byUserId("tj01").orElseThrow().conflicts()).contains("fjord college");

        browser.go(link(callId, "tj02"));
        browser.visible(By.id("reason")).sendKeys("Travelling all term.");
        browser.click(By.xpath("//button[normalize-space(.)='Decline the invitation']"));
        browser.await(d -> d.findElement(By.tagName("main")).getText().contains("You declined"));

        // The coordinator's count: tj02's category has one judge who declined, tj01's one who accepted 3 reviews.
        browser.go("/dashboard?callId=" + callId);
        String smartClassrooms = jdbc.sql("SELECT name FROM category WHERE call_id = ? AND code = ?").params(callId, "SC")
                .query(String.class).single();
        String mc = jdbc.sql("SELECT name FROM category WHERE call_id = ? AND code = ?").params(callId, "MC").query(String.class).single();
        List<String> sc = cells(smartClassrooms);
        assertThat(sc.get(4)).as("declined in %s", sc).isEqualTo("1");
        assertThat(cells(mc).get(3)).isEqualTo("1 (3)");
        browser.picture("dashboard-invitations", By.id("invitations"));
    }

    private List<String> cells(String category) {
        WebElement row = browser.visible(By.xpath("//table[@id='invitations']//tr[td[1][normalize-space(.)='" + category + "']]"));
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private String link(long callId, String userId) {
        long judgeId = judges.findIdByUserId(userId).orElseThrow();
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE call_id = ? AND kind = ?").params(callId, "INVITE-J" + judgeId)
                .query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group();
    }
}
