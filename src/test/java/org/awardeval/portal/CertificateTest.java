package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awardeval.demo.SampleData;
import org.awardeval.support.Browser;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recipient downloads a certificate whose QR code opens a page, in Chromium, that says it is valid, and revoked once a
 * coordinator revokes it; a judge's certificate of service names no application.
 */
@H2Test
@EnabledIf("org.awardeval.support.Chromium#enabled")
class CertificateTest {

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    void aCertificatesQrCodeOpensAPageThatSaysValidThenRevoked() throws Exception {
        String suffix = "ct" + System.nanoTime();
        long callId = driver.openCall("Certificates " + suffix);
        SampleData.sixEligible(suffix).forEach(form -> driver.submit(callId, form));
        driver.runToAnnouncement(callId);
        Map<String, Object> winner = jdbc.sql("SELECT code, title, contact_email, category_code FROM application WHERE call_id = ? "
                + "AND status = 'AWARDED' ORDER BY code").param(callId).query().listOfRows().get(0);
        String code = (String) winner.get("CODE");
        String organisation = jdbc.sql("SELECT o.name FROM application a JOIN organisation o ON o.id = a.organisation_id WHERE a.code = ?")
                .param(code).query(String.class).single();

        Applicant recipient = Applicant.signedInFromOutbox(port, jdbc, (String) winner.get("CONTACT_EMAIL"));
        assertThat(recipient.get("/portal/applications/" + code).body()).contains("Download your certificate (PDF)");
        HttpResponse<byte[]> download = recipient.download("/portal/applications/" + code + "/certificate.pdf");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        String url;
        try (PDDocument pdf = Loader.loadPDF(download.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Certificate of recognition", organisation, "Certificates " + suffix);
            url = decodeQr(new PDFRenderer(pdf).renderImageWithDPI(0, 150));
        }
        assertThat(url).contains("/certificates/");
        String path = URI.create(url).getPath();
        // The same certificate on a second download: one certificate per recipient.
        recipient.download("/portal/applications/" + code + "/certificate.pdf");
        List<Map<String, Object>> issued = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD)
                .getForObject("/api/calls/" + callId + "/certificates", List.class);
        assertThat(issued).hasSize(1);
        long id = ((Number) issued.get(0).get("id")).longValue();

        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.go(path);
            assertThat(browser.visible(By.id("verdict")).getText()).isEqualTo("Valid: the award issued this certificate.");
            assertThat(browser.visible(By.tagName("main")).getText()).contains(organisation, "Certificates " + suffix);

            assertThat(rest.withBasicAuth(CycleDriver.judges().get(0), CycleDriver.PASSWORD).postForEntity(
                    "/api/certificates/" + id + "/revoke", Map.of("reason", "x"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<Map> noReason = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD)
                    .postForEntity("/api/certificates/" + id + "/revoke", Map.of(), Map.class);
            assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(noReason.getBody().toString()).contains("reason");
            assertThat(rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD).postForEntity("/api/certificates/" + id + "/revoke",
                    Map.of("reason", "Issued for the wrong organisation"), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

            browser.go(path);
            assertThat(browser.visible(By.id("verdict")).getText()).startsWith("Revoked on ")
                    .contains("this certificate is no longer valid", "Issued for the wrong organisation");
            // An address whose signature is not the award's verifies nothing.
            browser.go(path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA"));
            assertThat(browser.visible(By.id("verdict")).getText()).contains("does not belong to a certificate the award issued");
        }

        // Somebody not selected has no certificate.
        Map<String, Object> other = jdbc.sql("SELECT code, contact_email FROM application WHERE call_id = ? AND status = 'NOT_AWARDED'")
                .param(callId).query().listOfRows().get(0);
        Applicant notSelected = Applicant.signedInFromOutbox(port, jdbc, (String) other.get("CONTACT_EMAIL"));
        assertThat(notSelected.download("/portal/applications/" + other.get("CODE") + "/certificate.pdf").statusCode()).isEqualTo(404);
        // Nor another's, by its reference.
        assertThat(notSelected.download("/portal/applications/" + code + "/certificate.pdf").statusCode()).isEqualTo(404);

        // A French applicant's certificate is written in French.
        String second = (String) jdbc.sql("SELECT code FROM application WHERE call_id = ? AND status = 'AWARDED' ORDER BY code")
                .param(callId).query(String.class).list().get(1);
        jdbc.sql("UPDATE application SET language = 'fr' WHERE code = ?").param(second).update();
        Map<String, Object> secondRow = jdbc.sql("SELECT contact_email FROM application WHERE code = ?").param(second).query().singleRow();
        Applicant french = Applicant.signedInFromOutbox(port, jdbc, (String) secondRow.get("CONTACT_EMAIL"));
        try (PDDocument pdf = Loader.loadPDF(french.download("/portal/applications/" + second + "/certificate.pdf").body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Certificat de reconnaissance", "Délivré le");
        }

        // A Chinese applicant's, in Chinese.
        String third = (String) jdbc.sql("SELECT code FROM application WHERE call_id = ? AND status = 'AWARDED' ORDER BY code")
                .param(callId).query(String.class).list().get(2);
        jdbc.sql("UPDATE application SET language = 'zh' WHERE code = ?").param(third).update();
        Applicant chinese = Applicant.signedInFromOutbox(port, jdbc, jdbc.sql("SELECT contact_email FROM application WHERE code = ?")
                .param(third).query(String.class).single());
        try (PDDocument pdf = Loader.loadPDF(chinese.download("/portal/applications/" + third + "/certificate.pdf").body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("荣誉证书", "颁发日期");
        }

        // A judge's certificate of service counts the reviews and names no application.
        String judge = jdbc.sql("SELECT j.user_id FROM assignment s JOIN judge j ON j.id = s.judge_id WHERE s.call_id = ? "
                + "AND s.status = 'DONE' ORDER BY j.user_id").param(callId).query(String.class).list().get(0);
        ResponseEntity<byte[]> service = rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD)
                .getForEntity("/api/calls/" + callId + "/certificates/judges/" + judge + ".pdf", byte[].class);
        assertThat(service.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> codes = jdbc.sql("SELECT code FROM application WHERE call_id = ?").param(callId).query(String.class).list();
        try (PDDocument pdf = Loader.loadPDF(service.getBody())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Certificate of service", "anonymous review").doesNotContain(codes.toArray(String[]::new))
                    .doesNotContain(organisation);
        }
        // Judges do not fetch certificates themselves: a coordinator sends them.
        assertThat(rest.withBasicAuth(CycleDriver.judges().get(0), CycleDriver.PASSWORD).getForEntity("/api/calls/" + callId
                + "/certificates/judges/" + judge + ".pdf", byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static String decodeQr(BufferedImage page) throws Exception {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                Map.of(DecodeHintType.TRY_HARDER, true, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText();
    }
}
