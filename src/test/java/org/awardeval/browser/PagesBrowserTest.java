package org.awardeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.awardeval.announcement.ResultsService;
import org.awardeval.support.Axe;
import org.awardeval.support.Browser;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The app's own pages in Debian's Chromium: the public form, the results page, the dashboard; and the process diagrams. */
@H2Test
@EnabledIf("org.awardeval.support.Chromium#enabled")
class PagesBrowserTest extends BrowserTestBase {

    @Autowired InProcessCycle driver;
    @Autowired ResultsService results;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcClient jdbc;

    @Test
    void anApplicantSeesWhatToCorrectNextToTheFieldsThenTheirReference() throws Exception {
        long callId = driver.openCall("Browser application");
        browser.go("/calls/" + callId + "/apply");
        browser.fill(By.id("organisationName"), "Kilimanjaro Open University");
        assertThat(new Select(browser.visible(By.id("organisationType"))).getOptions()).extracting(WebElement::getText)
                .contains("Higher education institution", "National centre").doesNotContain("HEI", "NATIONAL_CENTRE");
        new Select(browser.visible(By.id("organisationType"))).selectByVisibleText("Higher education institution");
        browser.fill(By.id("country"), "Tanzania");
        browser.fill(By.id("contactName"), "Neema Mushi");
        browser.fill(By.id("contactEmail"), "neema at kou");
        new Select(browser.visible(By.id("categoryCode"))).selectByValue("MC");
        browser.fill(By.id("summary"), "Short courses that certify lecturers in digital pedagogy.");
        browser.click(By.cssSelector("form button[type='submit']"));

        // Nothing is received without a description and the applicant's consent: the form says so instead.
        String summary = browser.visible(By.id("error-summary")).getText();
        assertThat(summary).contains("Please correct 4 fields", "E-mail of the contact person: \u201cneema at kou\u201d is not an e-mail address",
                "Title is required", "Description is required", "Consent is needed: tick the box to agree");
        assertThat(summary).doesNotContain("contactEmail", "categoryCode");
        assertThat(browser.visible(By.cssSelector("#error-summary a[href='#description']")).getText()).isEqualTo("Description is required.");
        assertThat(browser.visible(By.cssSelector("label[for='description']")).getText()).contains("*");
        Axe.assertAccessible(browser, "the public form with errors");
        assertThat(browser.visible(By.id("contactEmail-error")).getText()).contains("e-mail");
        assertThat(browser.visible(By.id("title-error")).getText()).isNotBlank();
        assertThat(browser.visible(By.id("contactEmail")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.visible(By.id("organisationName")).getDomProperty("value")).isEqualTo("Kilimanjaro Open University");
        assertThat(applications(callId)).isZero();

        browser.fill(By.id("contactEmail"), "neema@kou.test");
        browser.fill(By.id("title"), "Micro-credentials for lecturers across Tanzania");
        browser.fill(By.id("description"), "Lecturers take four modules online and one on campus; 420 have finished.");
        browser.click(By.id("consent"));
        browser.click(By.cssSelector("form button[type='submit']"));
        String reference = browser.visible(By.cssSelector(".reference")).getText();
        assertThat(browser.visible(By.cssSelector("main")).getText()).contains("What happens next", "applicants' portal");
        assertThat(reference).matches("TA-MC-\\d{3}");
        assertThat(jdbc.sql("SELECT title FROM application WHERE code = ?").param(reference).query(String.class).single())
                .isEqualTo("Micro-credentials for lecturers across Tanzania");
    }

    @Test
    void theResultsPageListsTheRecipientsByCategoryAndTypeOnceTheChairHasConfirmed() throws Exception {
        long callId = driver.openCall("Pioneer Award (results page)");
        CycleDriver.realistic(12).forEach(form -> driver.submit(callId, form));
        driver.runToAnnouncement(callId);
        List<ResultsService.Recipient> recipients = results.results(callId).recipients();
        assertThat(recipients).isNotEmpty();

        // The call's form says it is closed, no longer when it accepts applications, and leads to the results.
        browser.go("/calls/" + callId + "/apply");
        String closed = browser.visible(By.cssSelector("main")).getText();
        assertThat(closed).contains("This call is closed").doesNotContain("Applications are accepted until");
        assertThat(browser.driver().findElements(By.tagName("form"))).isEmpty();
        browser.click(By.linkText("Read the results of this call"));
        browser.await(d -> d.getCurrentUrl().endsWith("/calls/" + callId + "/results"));
        String page = browser.visible(By.tagName("main")).getText();
        assertThat(page).contains("Recipients by category", "Recipients by type of applicant");
        for (ResultsService.Recipient recipient : recipients) {
            WebElement category = browser.visible(By.xpath("//section[h3[normalize-space(.)='" + recipient.categoryName() + "']]"));
            assertThat(category.getText()).contains(recipient.organisation(), recipient.title());
        }
        List<WebElement> typeSections = browser.driver().findElements(By.xpath(
                "//h2[normalize-space(.)='Recipients by type of applicant']/following-sibling::section"));
        assertThat(typeSections).isNotEmpty();
        assertThat(typeSections.stream().map(WebElement::getText).reduce("", String::concat))
                .contains(recipients.stream().map(ResultsService.Recipient::organisation).toArray(String[]::new));
        browser.picture("results-page", null);
    }

    @Test
    void aCoordinatorFollowsTheCycleOnTheDashboardAndAJudgeIsKeptOut() throws Exception {
        long callId = driver.openCall("Pioneer Award (dashboard)");
        CycleDriver.realistic(12).forEach(form -> driver.submit(callId, form));
        driver.runToReviews(callId);
        List<String> names = jdbc.sql("SELECT 'Review ' || code FROM application WHERE call_id = ?").param(callId).query(String.class).list();
        List<Task> reviews = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewApplication").list().stream()
                .filter(task -> names.contains(task.getName())).toList();
        Task first = reviews.get(0);
        driver.completeAs(first.getAssignee(), first.getId(), CycleDriver.review(4));
        driver.runJobs();

        browser.go("/dashboard?callId=" + callId);
        browser.visible(By.id("username"));
        browser.fill(By.id("username"), CycleDriver.judges().get(0));
        browser.fill(By.id("password"), CycleDriver.PASSWORD);
        browser.click(By.cssSelector("form button[type='submit']"));
        browser.await(d -> d.getPageSource().contains("403") || d.getTitle().toLowerCase().contains("error")
                || d.getCurrentUrl().contains("error"));
        assertThat(browser.driver().getPageSource()).doesNotContain("Reviews per judge");

        browser.close();
        browser = Browser.open("http://localhost:" + port, 1400, 1500);
        browser.go("/dashboard?callId=" + callId);
        browser.fill(By.id("username"), CycleDriver.COORDINATOR);
        browser.fill(By.id("password"), CycleDriver.PASSWORD);
        browser.click(By.cssSelector("form button[type='submit']"));
        browser.visible(By.id("judges"));
        assertThat(browser.driver().getCurrentUrl()).contains("/dashboard?callId=" + callId);
        String figures = browser.visible(By.cssSelector(".figures")).getText();
        assertThat(figures).contains("12\napplications", "1\nreviews done");
        assertThat(figures).contains("0\ne-mails to check");
        assertThat(browser.visible(By.id("mails")).getText()).contains("pending", "sending", "sent", "failed");
        for (String chart : List.of("chart-status", "chart-category", "chart-type", "chart-country", "chart-judges")) {
            assertThat(browser.script("return Chart.getChart(arguments[0]) != null", chart)).as(chart).isEqualTo(true);
        }
        WebElement judges = browser.visible(By.id("judges"));
        assertThat(judges.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        assertThat(judges.getText()).contains("Judge " + first.getAssignee().toUpperCase());
        browser.picture("dashboard", null);

        // The dashboard's login holds for Tasklist too: its links open the filters without a second login.
        browser.click(By.linkText("Redaction checks"));
        browser.visible(By.xpath("//*[contains(concat(' ', @class, ' '), ' task-filter ')][contains(@class, 'active')]"
                + "[.//h4[starts-with(normalize-space(.), 'Redaction checks')]]"));
    }

    @Test
    void theProcessDiagramsAsCockpitDrawsThem() throws Exception {
        browser.close();
        browser = Browser.open("http://localhost:" + port, 1800, 900);
        browser.camundaLogin("cockpit", "admin", "test-admin");
        for (String key : List.of("AwardCycle", "Application", "Review")) {
            String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
            browser.go("/camunda/app/cockpit/default/#/process-definition/" + id + "/runtime");
            browser.await(d -> d.findElements(By.cssSelector(".djs-container .djs-element")).size() > 10);
            // Cockpit gives the diagram the whole page and fits it, as a user would with its two buttons.
            // Cockpit keeps the diagram maximised from one process to the next.
            // One script clicks them all: Cockpit may draw the page again between two clicks from outside.
            browser.script("document.querySelectorAll('.maximize-collapsable').forEach(b => { if (b.offsetParent) b.click(); });");
            Thread.sleep(500);
            browser.click(By.cssSelector("button[ng-click='resetZoom()']"));
            Thread.sleep(500);
            browser.picture("process-" + key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(), By.cssSelector(".djs-container"));
        }
    }

    private long applications(long callId) {
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE call_id = ?").param(callId).query(Long.class).single();
    }
}
