package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallService;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents;
import org.awardeval.support.Axe;
import org.awardeval.support.Browser;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.OwnJvm;
import org.awardeval.support.TestDocuments;
import org.awardeval.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What applicants read, in their language, where they read it: the form in Arabic right to left, a French error that
 * names the field in French, a Chinese application stored and shown in Chinese (in Chromium), and the e-mails written in
 * the language the applicant used (through a mail server in the test).
 */
@OwnJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=127.0.0.1", "award.mail-interval=PT0.2S"})
@ActiveProfiles("test")
class LanguagesIT {

    static final GreenMail smtp = TestMailServer.SMTP;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired CallService callService;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;

    @BeforeEach
    void noMailYet() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    /** A call in four languages; in Chinese only its name and one category are translated, the rest falls back to English. */
    private long openCall(String name) {
        driver.ensureUsers();
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Map<String, String>> translations = Map.of(
                "ar", Map.of("name", "جائزة متعددة اللغات", "category.MC.name", "الكفاءات الرقمية عبر الشهادات المصغّرة"),
                "fr", Map.of("name", "Prix multilingue", "category.MC.name", "Compétences numériques par la micro-certification"),
                "zh", Map.of("name", "多语种奖项", "category.MC.name", "通过微认证提升数字素养"),
                "es", Map.of("name", "Premio multilingüe", "category.MC.name", "Competencias digitales mediante microcertificación"));
        return callService.open(new CallRequest(name, "Digital practice", "ML", now.plusDays(10), now.plusDays(20), 3, 1,
                CycleDriver.CHAIR, "Asia/Shanghai", null, null, null, null, null, null, null, null, List.of("ar", "zh", "fr", "es"),
                translations));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    @EnabledIf("org.awardeval.support.Chromium#enabled")
    void theFormInArabicReadsRightToLeft() throws Exception {
        long callId = openCall("Arabic call " + System.nanoTime());
        try (Browser browser = Browser.open(base(), "ar")) {
            browser.go("/calls/" + callId + "/apply");
            WebElement html = browser.visible(By.tagName("html"));
            assertThat(html.getAttribute("lang")).isEqualTo("ar");
            assertThat(html.getAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("جائزة متعددة اللغات");
            assertThat(browser.visible(By.cssSelector("label[for='title']")).getText()).startsWith("العنوان");
            // Laid out right to left: a label starts at its field's right edge; the submit button sits on the right.
            assertThat(browser.script("return getComputedStyle(document.querySelector('main')).direction")).isEqualTo("rtl");
            Rectangle label = browser.visible(By.cssSelector("label[for='title'] span")).getRect();
            Rectangle field = browser.visible(By.id("title")).getRect();
            assertThat(label.getX() + label.getWidth()).isCloseTo(field.getX() + field.getWidth(), within(3));
            assertThat(label.getX()).isGreaterThan(field.getX() + field.getWidth() / 2);
            Rectangle button = browser.visible(By.cssSelector("form button[type='submit']")).getRect();
            Rectangle form = browser.visible(By.cssSelector("form")).getRect();
            assertThat(button.getX() + button.getWidth()).isCloseTo(form.getX() + form.getWidth(), within(3));
            // Each language is offered in its own name.
            assertThat(browser.visible(By.cssSelector("nav.languages")).getText()).contains("English", "Français", "中文", "Español");

            browser.fill(By.id("contactEmail"), "salma");
            browser.click(By.cssSelector("form button[type='submit']"));
            String summary = browser.visible(By.id("error-summary")).getText();
            assertThat(summary).contains("الحقل «العنوان» مطلوب.", "«salma» ليس عنوان بريد إلكتروني صحيحًا");
            assertThat(summary).doesNotContain("required", "title");
            Axe.assertAccessible(browser, "the form in Arabic");
            browser.script("window.scrollTo(0, 0)");
            browser.picture("apply-arabic", null);
        }
    }

    @Test
    @EnabledIf("org.awardeval.support.Chromium#enabled")
    void anApplicantWhoChoosesFrenchIsToldWhatToCorrectInFrenchAndKeepsFrench() throws Exception {
        long callId = openCall("French call " + System.nanoTime());
        try (Browser browser = Browser.open(base(), "en-GB")) {
            browser.go("/calls/" + callId + "/apply");
            assertThat(browser.visible(By.tagName("h1")).getText()).startsWith("French call");
            browser.click(By.linkText("Français"));
            browser.await(d -> d.findElement(By.tagName("h1")).getText().equals("Prix multilingue"));
            assertThat(browser.visible(By.tagName("main")).getText()).contains("Les candidatures sont acceptées jusqu’au",
                    "heure normale de la Chine (UTC+08:00)");

            browser.fill(By.id("organisationName"), "Université de Dakar");
            browser.fill(By.id("contactEmail"), "awa.diop");
            browser.click(By.cssSelector("form button[type='submit']"));
            String summary = browser.visible(By.id("error-summary")).getText();
            assertThat(summary).startsWith("Veuillez corriger").contains("Le champ « Titre » est obligatoire.",
                    "Le champ « Courriel de la personne à contacter » : « awa.diop » n’est pas une adresse électronique.");
            assertThat(browser.visible(By.id("title-error")).getText()).isEqualTo("Le champ « Titre » est obligatoire.");
            assertThat(browser.visible(By.cssSelector("label[for='title']")).getText()).startsWith("Titre");
            assertThat(summary).doesNotContain("required", "Title");
            assertThat(browser.visible(By.id("organisationName")).getDomProperty("value")).isEqualTo("Université de Dakar");

            // The choice is kept: the portal, reached later without choosing again, is in French too.
            browser.go("/portal/sign-in");
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Se connecter au portail des candidats");
        }
    }

    @Test
    @EnabledIf("org.awardeval.support.Chromium#enabled")
    void aChineseApplicationIsStoredAndShownInChinese() throws Exception {
        long callId = openCall("Chinese call " + System.nanoTime());
        String email = "li.ming" + System.nanoTime() + "@scut.test";
        try (Browser browser = Browser.open(base(), "zh-CN,zh")) {
            browser.go("/calls/" + callId + "/apply");
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("多语种奖项");
            // What the coordinator did not translate is shown in English, and said so.
            assertThat(browser.visible(By.tagName("main")).getText()).contains("本次征集的部分内容尚未翻译，以英文显示。");
            assertThat(browser.visible(By.cssSelector("option[value='NC']")).getAttribute("lang")).isEqualTo("en");
            assertThat(browser.visible(By.cssSelector("option[value='MC']")).getText()).isEqualTo("通过微认证提升数字素养");

            browser.fill(By.id("organisationName"), "华南理工大学");
            new Select(browser.visible(By.id("organisationType"))).selectByVisibleText("高等教育机构");
            browser.fill(By.id("country"), "中国");
            browser.fill(By.id("contactName"), "李明");
            browser.fill(By.id("contactEmail"), email);
            new Select(browser.visible(By.id("categoryCode"))).selectByValue("MC");
            browser.fill(By.id("title"), "面向高校教师的数字能力微认证");
            browser.fill(By.id("summary"), "我们为三千名高校教师开设了数字教学微认证课程。");
            browser.fill(By.id("description"), "课程包括四个在线模块和一次线下实践，已有一千二百名教师完成学习并获得认证。");
            browser.fill(By.id("educatorsReached"), "1200");
            browser.click(By.id("consent"));
            browser.click(By.cssSelector("form button[type='submit']"));
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("已收到申报");
            String reference = browser.visible(By.cssSelector(".reference")).getText();
            assertThat(browser.visible(By.tagName("main")).getText()).contains("谢谢！我们已收到您对“多语种奖项”的申报。");

            Map<String, Object> stored = jdbc.sql("SELECT title, language FROM application WHERE code = ?").param(reference).query()
                    .singleRow();
            assertThat(stored).containsEntry("TITLE", "面向高校教师的数字能力微认证").containsEntry("LANGUAGE", "zh");

            // The portal shows it in Chinese: the sign-in e-mail is in Chinese, the page's words and the application too.
            browser.go("/portal/sign-in");
            browser.fill(By.id("email"), email);
            browser.click(By.cssSelector("main form button[type='submit']"));
            String link = SignInMails.awaitLink(smtp, email, 1);
            assertThat(message(email).getSubject()).isEqualTo("您的奖项申报者门户登录链接");
            browser.go(link.substring(base().length()));
            browser.click(By.cssSelector("main form button[type='submit']"));
            browser.await(d -> d.getCurrentUrl().endsWith("/portal"));
            browser.click(By.linkText("面向高校教师的数字能力微认证"));
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("面向高校教师的数字能力微认证");
            String page = browser.visible(By.tagName("main")).getText();
            assertThat(page).contains("状态：", "已收到", "您提交的内容", "华南理工大学, 中国", "通过微认证提升数字素养", "惠及教师人数");
            Axe.assertAccessible(browser, "an application in Chinese");
        }
    }

    @Test
    void theEmailsAreWrittenInTheLanguageTheApplicantUsed() throws Exception {
        long callId = openCall("Spanish call " + System.nanoTime());
        String email = "lucia" + System.nanoTime() + "@andes.test";
        Applicant lucia = new Applicant(port);
        Map<String, String> spanish = Map.of("Accept-Language", "es-PE,es;q=0.9,en;q=0.5");
        lucia.getWith("/calls/" + callId + "/apply", spanish);
        HttpResponse<String> sent = lucia.postWith("/calls/" + callId + "/apply", Map.ofEntries(Map.entry("organisationName",
                "Universidad de los Andes"), Map.entry("organisationType", "HEI"), Map.entry("country", "Perú"),
                Map.entry("contactName", "Lucía Quispe"), Map.entry("contactEmail", email), Map.entry("categoryCode", "MC"),
                Map.entry("title", "Aulas digitales para docentes rurales"), Map.entry("summary", "Formación de 900 docentes."),
                Map.entry("description", "Un programa de seis meses con tutoría en línea."), Map.entry("consent", "on")), spanish);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT language FROM application WHERE contact_email = ?").param(email).query(String.class).single())
                .isEqualTo("es");

        // A sign-in link asked for from a page in French is written in French.
        Applicant french = new Applicant(port);
        french.getWith("/portal/sign-in", Map.of("Accept-Language", "fr"));
        french.postWith("/portal/sign-in/link", Map.of("email", email), Map.of("Accept-Language", "fr"));
        SignInMails.awaitLink(smtp, email, 1);
        MimeMessage signIn = message(email);
        assertThat(signIn.getSubject()).isEqualTo("Votre lien de connexion au portail des candidats du prix");
        assertThat(SignInMails.text(signIn)).contains("Le lien ne fonctionne qu’une fois").doesNotContain("The link works once");

        // The result, weeks later, in Spanish: the language the application was written in.
        driver.runToAnnouncement(callId);
        MimeMessage result = awaitMessage(email, 2);
        assertThat(result.getSubject()).startsWith("Premio multilingüe: ");
        assertThat(SignInMails.text(result)).contains("Estimado/a Lucía Quispe:", "«Aulas digitales para docentes rurales»",
                "La oficina del premio").doesNotContain("Dear", "With kind regards");
    }

    @Test
    void aDocumentIsNamedAndRefusedInTheApplicantsLanguage() throws Exception {
        long callId = openCall("Document call " + System.nanoTime());
        documents.defineSlots(callId, List.of(new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1,
                5L * 1024 * 1024, 20)));
        callService.translate(callId, "fr", Map.of("name", "Prix multilingue", "document.caseReport", "Rapport sur le cas"));

        // The one-page form cannot take documents and says which, by their French names.
        Applicant visitor = new Applicant(port);
        assertThat(visitor.getWith("/calls/" + callId + "/apply", Map.of("Accept-Language", "fr")).body())
                .contains("Cet appel demande des documents (Rapport sur le cas)");

        Applicant awa = Applicant.signedInFromOutbox(port, jdbc, "awa" + System.nanoTime() + "@dakar.test");
        awa.get("/portal?lang=fr");
        String draft = awa.post("/portal/calls/" + callId + "/drafts", Map.of()).headers().firstValue("Location").orElseThrow()
                .replaceAll("^.*(/portal/)", "$1");
        String page = awa.get(draft).body();
        assertThat(page).contains("Rapport sur le cas", "PDF, 5 Mo et 20 pages au plus").doesNotContain("Case report");
        HttpResponse<String> refused = awa.postFile(draft + "/documents/caseReport", "file", "rapport.pdf", TestDocuments.program());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Rapport sur le cas : le fichier n’est pas un PDF (son contenu est un programme).")
                .doesNotContain("Case report");
    }

    private MimeMessage message(String recipient) throws Exception {
        return awaitMessage(recipient, 1);
    }

    /** The n-th message this address received, waiting for it. */
    private MimeMessage awaitMessage(String recipient, int n) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            List<MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> recipients(m).equalsIgnoreCase(recipient)).toList();
            if (received.size() >= n) {
                return received.get(n - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No message number " + n + " reached " + recipient);
    }

    private static String recipients(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
