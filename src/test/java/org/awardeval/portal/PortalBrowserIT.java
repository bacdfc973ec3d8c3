package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Map;
import org.awardeval.demo.SampleData;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.support.Axe;
import org.awardeval.support.Browser;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.OwnJvm;
import org.awardeval.support.TestMailServer;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An applicant in Chromium, on a phone's screen first: signs in by the link the mail server caught, starts an
 * application that saves itself, resumes it in another browser, is told what is missing, sends it, and follows its
 * status while the award's users run the cycle. axe-core checks every page on the way.
 */
@OwnJvm
@EnabledIf("org.awardeval.support.Chromium#enabled")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=127.0.0.1", "award.mail-interval=PT0.2S"})
@ActiveProfiles("test")
class PortalBrowserIT {

    static final String EMAIL = "amina@lakeside.test";
    static final String COLLEAGUE = "kofi@lakeside.test";

    static final GreenMail smtp = TestMailServer.SMTP;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @BeforeEach
    void noMailYet() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired TaskService taskService;

    @Test
    void anApplicantWritesInTwoSessionsSendsAndFollowsTheCycle() throws Exception {
        String callName = "Portal cycle " + System.nanoTime();
        long callId = driver.openCall(callName);
        SampleData.sixEligible("pb").forEach(form -> driver.submit(callId, form));

        try (Browser phone = Browser.open("http://localhost:" + port, 390, 844)) {
            signIn(phone, 1);
            Axe.assertAccessible(phone, "the list of applications");
            phone.click(By.xpath("//li[strong[normalize-space(.)='" + callName + "']]//button"));
            phone.fill(By.id("organisationName"), "Lakeside University");
            new Select(phone.visible(By.id("organisationType"))).selectByVisibleText("Higher education institution");
            phone.fill(By.id("country"), "Ghana");
            phone.fill(By.id("contactName"), "Amina Mensah");
            new Select(phone.visible(By.id("categoryCode"))).selectByValue("MC");
            phone.fill(By.id("title"), "Teaching online across three regions");
            phone.fill(By.id("summary"), "Teachers in three regions learned to teach online.");
            // Saved as she types, without pressing a button: "Saved" once nothing typed is waiting.
            phone.await(d -> d.findElement(By.id("save-status")).getText().startsWith("Saved at") ? true : null);
            Axe.assertAccessible(phone, "an application being written");
            phone.keepPage("portal-draft-phone");
        }

        try (Browser desk = Browser.open("http://localhost:" + port)) {
            signIn(desk, 2);
            desk.click(By.linkText("Teaching online across three regions"));
            assertThat(desk.visible(By.id("organisationName")).getDomProperty("value")).isEqualTo("Lakeside University");
            assertThat(desk.visible(By.id("summary")).getDomProperty("value")).isEqualTo("Teachers in three regions learned to teach online.");
            assertThat(new Select(desk.visible(By.id("organisationType"))).getFirstSelectedOption().getText())
                    .isEqualTo("Higher education institution");

            // She invites a colleague, who writes the description in a browser of his own.
            desk.fill(By.id("colleague"), COLLEAGUE);
            desk.click(By.xpath("//button[normalize-space(.)='Invite']"));
            assertThat(desk.visible(By.cssSelector(".team")).getText()).contains("Invitation sent.", COLLEAGUE, "invited");
            try (Browser colleague = Browser.open("http://localhost:" + port)) {
                signIn(colleague, COLLEAGUE, 1);
                colleague.click(By.linkText("Teaching online across three regions"));
                assertThat(colleague.visible(By.cssSelector(".team")).getText()).contains("You help " + EMAIL);
                assertThat(colleague.driver().findElements(By.xpath("//button[normalize-space(.)='Send the application']"))).isEmpty();
                colleague.fill(By.id("description"), "A programme of online courses for teachers, run with the regional offices.");
                colleague.await(d -> d.findElement(By.id("save-status")).getText().startsWith("Saved at") ? true : null);
                Axe.assertAccessible(colleague, "a colleague's view of an application");
            }
            desk.driver().navigate().refresh();
            assertThat(desk.visible(By.id("description")).getDomProperty("value"))
                    .isEqualTo("A programme of online courses for teachers, run with the regional offices.");
            assertThat(desk.visible(By.cssSelector(".team")).getText()).contains(COLLEAGUE, "has joined");

            desk.click(By.xpath("//button[normalize-space(.)='Send the application']"));
            String problems = desk.visible(By.id("error-summary")).getText();
            assertThat(problems).contains("Please correct 1 field", "Consent is needed: tick the box to agree");
            Axe.assertAccessible(desk, "an application with errors");

            desk.click(By.id("consent"));
            desk.click(By.xpath("//button[normalize-space(.)='Send the application']"));
            String sent = desk.visible(By.cssSelector(".confirmation")).getText();
            assertThat(sent).contains("Application sent");
            String reference = desk.visible(By.cssSelector(".confirmation .reference")).getText();
            assertThat(reference).matches("TA-MC-\\d{3}");
            // The eligibility rules decide as the application is stored.
            assertThat(status(desk)).isEqualTo("Eligible");
            Axe.assertAccessible(desk, "a sent application");

            driver.runToReviews(callId);
            assertThat(statusAfterReload(desk)).isEqualTo("In review");
            assertThat(desk.visible(By.tagName("main")).getText()).doesNotContainIgnoringCase("tj0");
            driver.reviewAll(callId);
            driver.runJobs();
            assertThat(statusAfterReload(desk)).isEqualTo("With the panel");
            driver.votePanel(callId);
            driver.runJobs();
            assertThat(statusAfterReload(desk)).isEqualTo("With the panel");
            driver.confirmWinners(callId);
            driver.runJobs();
            assertThat(statusAfterReload(desk)).isIn("Awarded", "Not selected");
            String page = desk.visible(By.tagName("main")).getText();
            assertThat(page).contains("The judges' feedback", "Clear description of outcomes.");
            for (String judge : CycleDriver.judges()) {
                assertThat(page).doesNotContain(judge);
            }
            Axe.assertAccessible(desk, "a decided application");
            desk.keepPage("portal-decided");

            desk.click(By.linkText("Your applications"));
            assertThat(desk.visible(By.id("sent-heading")).findElement(By.xpath("..")).getText())
                    .contains("Teaching online across three regions", reference);
            assertThat(desk.visible(By.id("drafts-heading")).findElement(By.xpath("..")).getText())
                    .contains("No application in progress.");

            // The check itself: a field without a label is found.
            if (Axe.available()) {
                desk.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">');");
                assertThat(Axe.seriousViolations(desk)).extracting(violation -> violation.get("id")).contains("label");
            }
        }
    }

    @Test
    void anApplicantWithdrawsDuringTheReviewsAndIsToldOnce() throws Exception {
        long callId = driver.openCall("Portal withdrawal " + System.nanoTime());
        SampleData.sixEligible("pw").forEach(form -> driver.submit(callId, form));
        String code = driver.submit(callId, SampleData.form("Lakeside University pw", "HEI", "Ghana", "MC", "Amina Mensah", EMAIL, true))
                .code();
        driver.runToReviews(callId);

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            signIn(browser, 1);
            browser.click(By.partialLinkText("Lakeside University pw"));
            assertThat(status(browser)).isEqualTo("In review");
            browser.click(By.xpath("//button[normalize-space(.)='Withdraw the application']"));
            assertThat(browser.visible(By.id("error-summary")).getText()).contains("Reason for withdrawing is required");
            assertThat(status(browser)).isEqualTo("In review");
            Axe.assertAccessible(browser, "a withdrawal without a reason");
            browser.fill(By.id("withdrawalReason"), "We merged with another university.");
            browser.click(By.xpath("//button[normalize-space(.)='Withdraw the application']"));
            assertThat(browser.visible(By.cssSelector(".confirmation")).getText()).contains("Application withdrawn");
            assertThat(status(browser)).isEqualTo("Withdrawn");
            assertThat(browser.driver().findElements(By.id("withdrawalReason"))).isEmpty();
            Axe.assertAccessible(browser, "a withdrawn application");
            browser.keepPage("portal-withdrawn");
        }
        driver.runJobs();
        long end = System.nanoTime() + 30_000_000_000L;
        while (confirmations(code) < 1 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        assertThat(confirmations(code)).isOne();
    }

    @Test
    void anApplicantAnswersTheQuestionTheMailBroughtAndTheCoordinatorGetsTheCheckBack() throws Exception {
        long callId = driver.openCall("Portal question " + System.nanoTime());
        String code = driver.submit(callId, SampleData.form("Open Learning Circle pq", "OTHER", "Kenya", "MC", "Achieng Otieno", EMAIL, true))
                .code();
        String check = taskService.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey(ApplicationProcess.TASK_CHECK_ELIGIBILITY).singleResult().getId();
        driver.completeAs(CycleDriver.COORDINATOR, check, Map.of("coordinatorDecision", "ASK",
                "coordinatorReason", "Which universities belong to the circle?", ApplicationProcess.CLARIFICATION_DAYS, 5L));
        driver.runJobs();
        // The question arrives by e-mail, with the way to the portal.
        long end = System.nanoTime() + 30_000_000_000L;
        String question = null;
        while (question == null && System.nanoTime() < end) {
            for (var message : smtp.getReceivedMessages()) {
                if (message.getSubject().contains("a question about your application " + code)) {
                    question = SignInMails.text(message);
                }
            }
            Thread.sleep(100);
        }
        assertThat(question).contains("Which universities belong to the circle?", "/portal/applications/" + code);

        try (Browser browser = Browser.open("http://localhost:" + port, 390, 844)) {
            signIn(browser, 1);
            browser.click(By.partialLinkText("Open Learning Circle pq"));
            assertThat(status(browser)).isEqualTo("Question for you");
            Axe.assertAccessible(browser, "a question to answer");
            browser.click(By.xpath("//button[normalize-space(.)='Send the answer']"));
            assertThat(browser.visible(By.id("error-summary")).getText()).contains("Your answer is required");
            browser.fill(By.id("answer"), "The universities of Nairobi, Kisumu and Eldoret.");
            browser.click(By.xpath("//button[normalize-space(.)='Send the answer']"));
            assertThat(browser.visible(By.cssSelector(".confirmation")).getText()).contains("Answer sent");
        }
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(ApplicationProcess.TASK_CHECK_ELIGIBILITY)
                .singleResult()).isNotNull();
    }

    /** The withdrawal confirmations the applicant received for this application. */
    private static long confirmations(String code) throws Exception {
        long count = 0;
        for (var message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(EMAIL) && message.getSubject().contains(code + " has been withdrawn")) {
                count++;
            }
        }
        return count;
    }

    private void signIn(Browser browser, int linkNumber) throws Exception {
        signIn(browser, EMAIL, linkNumber);
    }

    private void signIn(Browser browser, String email, int linkNumber) throws Exception {
        browser.go("/portal");
        browser.visible(By.id("email"));
        Axe.assertAccessible(browser, "the sign-in page");
        browser.fill(By.id("email"), email);
        browser.click(By.xpath("//button[normalize-space(.)='Send me a sign-in link']"));
        heading(browser, "Check your e-mail");
        Axe.assertAccessible(browser, "the page that says a link is on its way");
        String link = SignInMails.awaitLink(smtp, email, linkNumber);
        browser.driver().get(link);
        heading(browser, "Sign in to the applicants' portal");
        Axe.assertAccessible(browser, "the page the link opens");
        browser.click(By.xpath("//button[normalize-space(.)='Continue to your applications']"));
        heading(browser, "Your applications");
    }

    /** Waits for the next page: until then the heading found may be the last page's. */
    private static void heading(Browser browser, String text) {
        browser.await(d -> text.equals(d.findElement(By.tagName("h1")).getText()) ? true : null);
    }

    private static String status(Browser browser) {
        return browser.visible(By.cssSelector("#status-heading .status")).getText();
    }

    private static String statusAfterReload(Browser browser) {
        browser.driver().navigate().refresh();
        return status(browser);
    }
}
