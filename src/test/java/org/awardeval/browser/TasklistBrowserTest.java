package org.awardeval.browser;

import java.util.List;
import java.util.Map;
import org.awardeval.demo.SampleData;
import org.awardeval.documents.Documents;
import org.awardeval.submission.ApplicationForm;
import org.awardeval.support.Axe;
import org.awardeval.support.Browser;
import org.awardeval.support.Chromium;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.TestDocuments;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Judges and coordinators at work in Tasklist, in Debian's Chromium. */
@H2Test
@EnabledIf("org.awardeval.support.Chromium#enabled")
class TasklistBrowserTest extends BrowserTestBase {

    @Autowired InProcessCycle driver;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;

    @Test
    void aJudgeScoresAnAnonymisedDossierAndTheTaskLeavesTheirList() throws Exception {
        long callId = driver.openCall("Browser review");
        SampleData.sixEligible("brw").forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        String cycle = driver.cycleInstance(callId);
        String code = jdbc.sql("SELECT MIN(code) FROM application WHERE call_id = ?").param(callId).query(String.class).single();
        Task task = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewApplication").taskName("Review " + code).list().get(0);
        Map<String, Object> identity = jdbc.sql("""
                SELECT o.name AS organisation, a.contact_name AS contact, a.contact_email AS email, d.title AS dossier
                FROM application a JOIN organisation o ON o.id = a.organisation_id JOIN dossier d ON d.application_id = a.id
                WHERE a.code = ?""").param(code).query().singleRow();

        browser.camundaLogin("tasklist", task.getAssignee(), CycleDriver.PASSWORD);
        openFilter("My reviews");
        openTask(code);
        String shown = browser.await(d -> {
            String text = browser.visible(By.cssSelector(".fjs-form")).getText();
            return text.contains((String) identity.get("dossier")) ? text : null;
        });
        assertThat(shown).contains("Review of " + code).doesNotContain((String) identity.get("organisation"))
                .doesNotContain((String) identity.get("contact")).doesNotContain((String) identity.get("email"));

        browser.picture("judge-review-form", null);

        // The deadline in words, in the call's time zone (this judge gave none of their own).
        assertThat(shown).containsPattern("Due (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} \\(")
                .doesNotContain("T11:").contains("1 · weak").contains("5 · outstanding").contains("a first of its kind");
        // Judges see none of Tasklist's tools their work does not use.
        browser.await(d -> d.findElement(By.tagName("html")).getAttribute("class").contains("award-worker"));
        assertThat(browser.driver().findElements(By.cssSelector(".create-task-action, .start-process-action, .task-card .actors .groups"))
                .stream().filter(WebElement::isDisplayed).toList()).isEmpty();

        pick("Innovation", "4");
        pick("Impact and reach", "5");
        pick("Equity and inclusion", "3");
        pick("Transferability", "4");
        pick("Sustainability and policy alignment", "4");
        type("Comments for the panel", "A convincing case with clear figures.");
        type("Feedback for the applicant", "Say more about how the programme will be funded.");
        choose("Your confidence in this review", "High");
        complete();

        String confirmation = browser.await(d -> d.findElements(By.cssSelector(".award-confirmation")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).findFirst().orElse(null));
        assertThat(confirmation).contains("Review " + code).contains("completed and saved");
        browser.picture("judge-review-confirmed", null);
        browser.await(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        browser.await(d -> !taskList().contains(code));
        driver.runJobs();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review r JOIN assignment s ON s.id = r.assignment_id "
                + "JOIN application a ON a.id = s.application_id WHERE a.code = ?").param(code).query(Long.class).single()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(cycle).count()).isOne();
        assertThat(jdbc.sql("SELECT r.total FROM review r JOIN assignment s ON s.id = r.assignment_id JOIN application a"
                + " ON a.id = s.application_id WHERE a.code = ?").param(code).query(java.math.BigDecimal.class).single())
                .as("the choices as scores").isEqualByComparingTo("4.000");
    }

    @Test
    void aCoordinatorDecidesAnEligibilityDoubtAndCorrectsARedaction() throws Exception {
        long callId = driver.openCall("Browser coordination");
        ApplicationForm doubtful = SampleData.form("Open Learning Collective", "OTHER", "Kenya", "MC", "Wanjiru Kamau",
                "wanjiru@olc.test", true);
        documents.defineSlots(callId, TestDocuments.SLOTS);
        String code = TestDocuments.submit(documents, callId, doubtful, List.of(new Documents.Upload("caseReport",
                "report.pdf", TestDocuments.pdf(List.of("Case report", "Lecturers certified in a year", "Open Learning Collective, 2025"),
                        null)))).code();
        driver.runJobs();

        browser.camundaLogin("tasklist", CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
        openFilter("Eligibility checks");
        openTask(code);
        claim();
        browser.await(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains("Eligibility of " + code));
        choose("Decision", "Eligible");
        type("Reason", "A collective of universities; the award is open to it.");
        complete();
        browser.await(d -> taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_CheckEligibility")
                .count() == 0);
        driver.runJobs();
        assertThat(status(code)).isEqualTo("ELIGIBLE");

        openFilter("Redaction checks");
        openTask(code);
        claim();
        String title = browser.await(d -> {
            String value = field("Title for the judges").getDomProperty("value");
            return value.isEmpty() ? null : value;
        });
        assertThat(title).doesNotContain("Open Learning Collective");
        assertThat(browser.visible(By.cssSelector(".fjs-form")).getText()).contains("Case report: report.pdf (PDF, 1 page",
                "still names the applicant: page 1, line 3: the organisation's name (\u201cOpen Learning Collective\u201d)");
        browser.picture("coordinator-redaction-check", null);
        String corrected = "Micro-certification for lecturers at a learning collective";
        type("Title for the judges", corrected);
        // Released as it is, the report would name the applicant to the judges: refused, naming where.
        complete();
        String refusal = browser.await(d -> {
            String page = d.findElement(By.tagName("body")).getText();
            return page.contains("Ask the applicant for an anonymised version") ? page : null;
        });
        assertThat(refusal).contains("Case report (report.pdf) still names the applicant: page 1, line 3").doesNotContain("Exception");
        browser.driver().findElements(By.cssSelector(".page-notifications [ng-click^='removeNotification']")).forEach(WebElement::click);
        browser.await(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream().noneMatch(WebElement::isDisplayed));
        browser.script("arguments[0].click();", field("Withhold from the judges the documents"));
        complete();
        browser.await(d -> taskService.createTaskQuery().processInstanceBusinessKey(code).count() == 0);
        assertThat(jdbc.sql("SELECT d.status FROM document d JOIN application a ON a.id = d.application_id WHERE a.code = ?").param(code)
                .query(String.class).single()).isEqualTo("WITHHELD");
        driver.runJobs();
        assertThat(status(code)).isEqualTo("READY");
        assertThat(jdbc.sql("SELECT d.title FROM dossier d JOIN application a ON a.id = d.application_id WHERE a.code = ?")
                .param(code).query(String.class).single()).isEqualTo(corrected);
    }

    @Test
    void aCoordinatorAsksTheApplicantInTasklistAndDecidesWithTheAnswerGivenInThePortal() throws Exception {
        long callId = driver.openCall("Browser clarification");
        String email = "achieng@olc.test";
        String code = driver.submit(callId, SampleData.form("Open Learning Circle", "OTHER", "Kenya", "MC", "Achieng Otieno", email, true))
                .code();

        browser.camundaLogin("tasklist", CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
        openFilter("Eligibility checks");
        openTask(code);
        claim();
        browser.await(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains("Eligibility of " + code));
        choose("Decision", "Ask the applicant first");
        type("Reason", "Which universities belong to the circle?");
        type("Days the applicant has to answer", "5");
        complete();
        browser.await(d -> taskService.createTaskQuery().processInstanceBusinessKey(code).count() == 0);
        assertThat(jdbc.sql("SELECT c.question FROM clarification c JOIN application a ON a.id = c.application_id WHERE a.code = ?")
                .param(code).query(String.class).single()).isEqualTo("Which universities belong to the circle?");
        browser.close();

        // The applicant follows the link of their sign-in e-mail (the outbox holds it here) and answers in the portal.
        browser = Browser.open("http://localhost:" + port);
        browser.go("/portal/sign-in");
        browser.fill(By.id("email"), email);
        browser.click(By.xpath("//button[normalize-space(.)='Send me a sign-in link']"));
        browser.await(d -> "Check your e-mail".equals(d.findElement(By.tagName("h1")).getText()) ? true : null);
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? AND kind = 'SIGN_IN' ORDER BY id DESC")
                .param(email).query(String.class).list().get(0);
        browser.driver().get(body.lines().filter(line -> line.contains("/portal/sign-in/confirm?token=")).findFirst().orElseThrow().strip());
        browser.click(By.xpath("//button[normalize-space(.)='Continue to your applications']"));
        browser.click(By.xpath("//a[contains(@href,'/portal/applications/" + code + "')]"));
        assertThat(browser.visible(By.id("question")).getText()).contains("Which universities belong to the circle?");
        assertThat(browser.visible(By.cssSelector("#status-heading .status")).getText()).isEqualTo("Question for you");
        Axe.assertAccessible(browser, "a question to answer");
        browser.fill(By.id("answer"), "The universities of Nairobi, Kisumu and Eldoret.");
        browser.click(By.xpath("//button[normalize-space(.)='Send the answer']"));
        assertThat(browser.visible(By.cssSelector(".confirmation")).getText()).contains("Answer sent");
        browser.close();

        browser = Browser.open("http://localhost:" + port);
        browser.camundaLogin("tasklist", CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
        openFilter("Eligibility checks");
        openTask(code);
        claim();
        browser.await(d -> d.findElement(By.cssSelector(".fjs-form")).getText()
                .contains("The universities of Nairobi, Kisumu and Eldoret.") ? true : null);
        browser.picture("coordinator-clarification-answered", By.cssSelector(".fjs-form"));
        choose("Decision", "Eligible");
        type("Reason", "A circle of three universities.");
        complete();
        browser.await(d -> taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_CheckEligibility")
                .count() == 0);
        assertThat(status(code)).isEqualTo("ELIGIBLE");
    }

    private String status(String code) {
        return jdbc.sql("SELECT status FROM application WHERE code = ?").param(code).query(String.class).single();
    }
}
