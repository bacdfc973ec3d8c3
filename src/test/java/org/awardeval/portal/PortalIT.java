package org.awardeval.portal;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import com.icegreen.greenmail.util.GreenMail;
import org.awardeval.demo.SampleData;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.support.Axe;
import org.awardeval.support.Browser;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.MovableClock;
import org.awardeval.support.OwnJvm;
import org.awardeval.support.TestDocuments;
import org.awardeval.support.TestMailServer;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicants' portal where applicants meet it, in one application context with a mail server in the test.
 * Over HTTP as a browser sends it: a sign-in link works once and not after it expires; an applicant reaches nothing
 * of another applicant nor of the engine; a flood of requests for links sends only a few. In Chromium, on a phone's
 * screen first: an applicant signs in by the link the mail server caught, writes an application that saves itself,
 * invites a colleague who edits it, resumes it in another browser, is told what is missing, sends it and follows its
 * status while the award's users run the cycle; answers the office's question; withdraws. axe-core checks every page.
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The production limit of links per client, which the shared test context lifts.
        properties = {"spring.mail.host=127.0.0.1", "award.mail-interval=PT0.2S", "award.portal.sign-in.per-client=20"})
@ActiveProfiles("test")
class PortalIT {


    static final GreenMail smtp = TestMailServer.SMTP;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @BeforeEach
    void noMailYet() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @TestConfiguration
    static class ClockConfig {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @LocalServerPort int port;
    @Autowired MovableClock clock;
    @Autowired InProcessCycle driver;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;

    @Test
    void aLinkSignsInOnceAndNoLongerOnceItHasExpired() throws Exception {
        Applicant amina = new Applicant(port);
        HttpResponse<String> asked = amina.askForLink("  Amina.Diallo@Portal.TEST ");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/portal/sign-in/sent");
        // An address nobody has used gets the same answer: nothing tells whether an address is known.
        HttpResponse<String> stranger = new Applicant(port).askForLink("nobody-yet@portal.test");
        assertThat(stranger.statusCode()).isEqualTo(asked.statusCode());
        assertThat(stranger.headers().firstValue("Location")).isEqualTo(asked.headers().firstValue("Location"));

        String link = SignInMails.awaitLink(smtp, "amina.diallo@portal.test", 1);
        assertThat(link).startsWith("http://localhost:" + port + "/portal/sign-in/confirm?token=");
        // Opening the link signs nobody in: a mail scanner that follows it does not use it up.
        Applicant scanner = new Applicant(port);
        assertThat(scanner.get(link.substring(("http://localhost:" + port).length())).body()).contains("Continue to your applications");
        assertThat(scanner.get(PortalSecurity.HOME).statusCode()).isEqualTo(302);

        HttpResponse<String> in = amina.useLink(link);
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
        HttpResponse<String> home = amina.get(PortalSecurity.HOME);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Your applications", "amina.diallo@portal.test");

        Applicant again = new Applicant(port);
        HttpResponse<String> twice = again.useLink(link);
        assertThat(twice.headers().firstValue("Location").orElseThrow()).endsWith("/portal/sign-in?expired");
        assertThat(again.get(PortalSecurity.SIGN_IN + "?expired").body()).contains("This sign-in link has expired or has been used already");
        assertThat(again.get(PortalSecurity.HOME).statusCode()).isEqualTo(302);

        // Two requests with one link at the same moment: one signs in.
        new Applicant(port).askForLink("amina.diallo@portal.test");
        String raced = SignInMails.awaitLink(smtp, "amina.diallo@portal.test", 2);
        Applicant first = new Applicant(port);
        Applicant second = new Applicant(port);
        String confirm = raced.substring(("http://localhost:" + port).length());
        first.get(confirm);
        second.get(confirm);
        String token = raced.substring(raced.indexOf("token=") + "token=".length());
        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> post(first, token));
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> post(second, token));
        long signedIn = Stream.of(a.get(), b.get()).filter(r -> r.headers().firstValue("Location").orElse("").endsWith("/portal")).count();
        assertThat(signedIn).isOne();

        Applicant later = new Applicant(port);
        later.askForLink("amina.diallo@portal.test");
        String expiring = SignInMails.awaitLink(smtp, "amina.diallo@portal.test", 3);
        clock.advance(Duration.ofMinutes(16));
        assertThat(later.useLink(expiring).headers().firstValue("Location").orElseThrow()).endsWith("/portal/sign-in?expired");
        assertThat(later.get(PortalSecurity.HOME).statusCode()).isEqualTo(302);

        HttpResponse<String> out = amina.post(PortalSecurity.HOME + "/sign-out", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/portal/sign-in?signedOut");
        assertThat(amina.get(PortalSecurity.HOME).statusCode()).isEqualTo(302);
    }

    @Test
    void anApplicantReachesNothingOfAnotherApplicantNorOfTheEngine() throws Exception {
        long callId = driver.openCall("Portal isolation " + System.nanoTime());
        Applicant owner = signedIn("owner@portal.test", 1);
        Applicant other = signedIn("other@portal.test", 1);

        owner.get(PortalSecurity.HOME);
        String draft = owner.post(PortalSecurity.HOME + "/calls/" + callId + "/drafts", Map.of()).headers().firstValue("Location").orElseThrow();
        String draftPath = draft.substring(draft.indexOf("/portal/"));
        owner.get(draftPath);
        Map<String, String> fields = complete("Kept secret by its owner");
        assertThat(owner.post(draftPath, with(fields, "action", "save")).statusCode()).isEqualTo(302);

        other.get(PortalSecurity.HOME);
        assertThat(other.get(draftPath).statusCode()).isEqualTo(404);
        assertThat(other.post(draftPath, with(complete("Overwritten by another"), "action", "save")).statusCode()).isEqualTo(404);
        assertThat(other.post(draftPath + "/autosave", complete("Overwritten by another")).statusCode()).isEqualTo(404);
        assertThat(other.post(draftPath, with(fields, "action", "submit")).statusCode()).isEqualTo(404);
        assertThat(owner.get(draftPath).body()).contains("Kept secret by its owner").doesNotContain("Overwritten");

        // A forged CSRF token changes nothing.
        assertThat(owner.postRaw(draftPath, with(with(complete("Forged"), "action", "save"), "_csrf", "forged"), Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(owner.get(draftPath).body()).contains("Kept secret by its owner").doesNotContain("Forged");

        HttpResponse<String> sent = owner.post(draftPath, with(fields, "action", "submit"));
        assertThat(sent.statusCode()).isEqualTo(302);
        String applicationPath = sent.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/portal/)", "$1").replace("?submitted", "");
        assertThat(owner.get(applicationPath).body()).contains("Kept secret by its owner", "Received");
        assertThat(other.get(applicationPath).statusCode()).isEqualTo(404);
        assertThat(other.post(applicationPath + "/withdraw", Map.of("withdrawalReason", "Not mine to withdraw")).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM application WHERE call_id = ?").param(callId).query(String.class).single())
                .isNotEqualTo("WITHDRAWN");
        assertThat(other.get(PortalSecurity.HOME).body()).doesNotContain("Kept secret by its owner");
        // The same draft sent again (a second click) makes no second application.
        assertThat(owner.post(draftPath, with(fields, "action", "submit")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE call_id = ?").param(callId).query(Long.class).single()).isOne();

        // The portal's session is no log-in to the engine, its webapps, the dashboard or the API.
        assertThat(owner.get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(owner.get("/camunda/api/engine/engine/default/task/count").statusCode()).isIn(401, 403);
        assertThat(owner.get("/api/judges").statusCode()).isEqualTo(401);
        HttpResponse<String> dashboard = owner.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).contains("/dashboard/login");

        // Nor does a judge's or a coordinator's password reach the portal.
        Applicant judge = new Applicant(port);
        String basic = "Basic " + Base64.getEncoder().encodeToString((CycleDriver.JUDGES.get(0).userId() + ":" + CycleDriver.PASSWORD).getBytes());
        assertThat(judge.postRaw(PortalSecurity.HOME + "/calls/" + callId + "/drafts", Map.of(), Map.of("Authorization", basic)).statusCode())
                .isIn(302, 403);
        HttpResponse<String> coordinatorHome = judge.getWith(PortalSecurity.HOME, Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((CycleDriver.COORDINATOR + ":" + CycleDriver.PASSWORD).getBytes())));
        assertThat(coordinatorHome.statusCode()).isEqualTo(302);
        assertThat(coordinatorHome.headers().firstValue("Location").orElseThrow()).endsWith("/portal/sign-in");
    }

    @Test
    void aThousandRequestsForOneAddressSendFiveLinksAndNoError() throws Exception {
        Applicant flood = new Applicant(port);
        flood.get(PortalSecurity.SIGN_IN);
        Map<Integer, Integer> statuses = new HashMap<>();
        String refusal = null;
        for (int i = 0; i < 1000; i++) {
            // From a thousand clients, so that only the limit per address holds them back.
            HttpResponse<String> answer = flood.postWith(PortalSecurity.LINK, Map.of("email", "flood@portal.test"),
                    Map.of("X-Forwarded-For", "10.1." + (i / 250) + "." + (i % 250 + 1)));
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 429) {
                refusal = answer.body();
            }
        }
        assertThat(statuses).containsOnlyKeys(302, 429).containsEntry(302, 5).containsEntry(429, 995);
        assertThat(refusal).contains("Too many sign-in links were asked for");
        SignInMails.awaitLink(smtp, "flood@portal.test", 5);
        Thread.sleep(1000);
        assertThat(SignInMails.links(smtp, "flood@portal.test")).hasSize(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM one_time_tokens WHERE username = 'flood@portal.test'").query(Long.class).single())
                .isEqualTo(5);

        // One client asking for links to many addresses is held back too.
        Applicant sprayer = new Applicant(port);
        sprayer.get(PortalSecurity.SIGN_IN);
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> answer = sprayer.postWith(PortalSecurity.LINK, Map.of("email", "spray" + i + "@portal.test"),
                    Map.of("X-Forwarded-For", "10.2.0.1"));
            assertThat(answer.statusCode()).isIn(302, 429);
            refused += answer.statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(10);

        // Something that is no address is refused with the field named, and nothing is sent.
        HttpResponse<String> wrong = sprayer.postWith(PortalSecurity.LINK, Map.of("email", "not an address"),
                Map.of("X-Forwarded-For", "10.3.0.1"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("E-mail address: enter your address");
    }

    private static HttpResponse<String> post(Applicant applicant, String token) {
        try {
            return applicant.post(PortalSecurity.TOKEN, Map.of("token", token));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Applicant signedIn(String email, int linkNumber) throws Exception {
        Applicant applicant = new Applicant(port);
        applicant.askForLink(email);
        assertThat(applicant.useLink(SignInMails.awaitLink(smtp, email, linkNumber)).headers().firstValue("Location").orElseThrow())
                .endsWith("/portal");
        return applicant;
    }

    static Map<String, String> complete(String title) {
        Map<String, String> fields = new HashMap<>();
        fields.put(ApplicationProcess.ORGANISATION_NAME, "Lakeside University pt");
        fields.put(ApplicationProcess.ORGANISATION_TYPE, "HEI");
        fields.put(ApplicationProcess.COUNTRY, "Ghana");
        fields.put(ApplicationProcess.CONTACT_NAME, "Kwame Mensah");
        fields.put(ApplicationProcess.CATEGORY_CODE, "MC");
        fields.put(ApplicationProcess.TITLE, title);
        fields.put(ApplicationProcess.SUMMARY, "Teachers across three regions learned to teach online.");
        fields.put(ApplicationProcess.DESCRIPTION, "A programme of online courses for teachers, run with the regional offices.");
        fields.put(ApplicationProcess.EDUCATORS_REACHED, "1200");
        fields.put(ApplicationProcess.CONSENT, "on");
        return fields;
    }

    static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.put(name, value);
        return copy;
    }


    static final String EMAIL = "amina@lakeside.test";
    static final String COLLEAGUE = "kofi@lakeside.test";




    @Autowired TaskService taskService;

    @Test
    @EnabledIf("org.awardeval.support.Chromium#enabled")
    void anApplicantWritesInTwoSessionsSendsAndFollowsTheCycle() throws Exception {
        String callName = "Portal cycle " + System.nanoTime();
        long callId = driver.openCall(callName);
        documents.defineSlots(callId, List.of(
                new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1, 10L << 20, 20),
                new DocumentSlot("photographs", "Photographs", DocumentSlot.Kind.IMAGES, false, 5, 5L << 20, null)));
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
            assertThat(problems).contains("Please correct 2 fields", "Consent is needed: tick the box to agree",
                    "Case report is needed (PDF, at most 10 MB and 20 pages)");
            Axe.assertAccessible(desk, "an application with errors");

            // The report she uploads names the university on its first page: she is shown where, and replaces it.
            Path naming = Files.createTempFile("report", ".pdf");
            Files.write(naming, TestDocuments.pdf(List.of("Case report", "Online teaching in three regions",
                    "Results after two years", "Written by the e-learning unit of Lakeside University."), "Amina Mensah"));
            desk.driver().findElement(By.id("file-caseReport")).sendKeys(naming.toString());
            desk.click(By.xpath("//button[@form='upload-caseReport']"));
            String slot = desk.await(d -> {
                String text = d.getCurrentUrl().contains("uploaded=caseReport") ? d.findElement(By.id("caseReport")).getText() : "";
                return text.contains("names you") ? text : null;
            });
            assertThat(slot).contains("report", ".pdf (PDF, 1 page, 1 KB)", "This file names you where judges would read it:",
                    "page 1, line 4: the organisation's name (\u201cLakeside University\u201d)");
            Axe.assertAccessible(desk, "a document that names its applicant");
            desk.keepPage("portal-document-names-applicant");
            desk.click(By.xpath("//div[@id='caseReport']//button[normalize-space(.)='Remove']"));
            desk.await(d -> d.findElements(By.cssSelector("#caseReport .card")).isEmpty() ? true : null);
            Path anonymised = Files.createTempFile("report", ".pdf");
            Files.write(anonymised, TestDocuments.pdf(List.of("Case report", "Online teaching in three regions",
                    "Written by the e-learning unit of [our university]."), null));
            desk.driver().findElement(By.id("file-caseReport")).sendKeys(anonymised.toString());
            desk.click(By.xpath("//button[@form='upload-caseReport']"));
            String checked = desk.await(d -> {
                String text = d.getCurrentUrl().contains("uploaded=caseReport") ? d.findElement(By.id("caseReport")).getText() : "";
                return text.contains("Checked") ? text : null;
            });
            assertThat(checked).contains("Checked: it does not name you.")
                    .doesNotContain("names you where");
            Path program = Files.createTempFile("photo", ".jpg");
            Files.write(program, TestDocuments.program());
            desk.driver().findElement(By.id("file-photographs")).sendKeys(program.toString());
            desk.click(By.xpath("//button[@form='upload-photographs']"));
            assertThat(desk.visible(By.cssSelector("#photographs .error")).getText())
                    .isEqualTo("Photographs: the file is not a JPEG or PNG image (its content is a program).");

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
            driver.keepAllScores(callId);
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
    @EnabledIf("org.awardeval.support.Chromium#enabled")
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
    @EnabledIf("org.awardeval.support.Chromium#enabled")
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
