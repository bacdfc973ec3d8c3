package org.awardeval.documents;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ReviewProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.submission.WithdrawalService;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.TestDocuments;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Supporting documents over the API as applicants, coordinators and judges use it: slots per call, uploads checked by
 * their content and refused with nothing kept, the identity check and the redaction check's release, judges' downloads
 * limited to their assignments, withdrawal and the audit.
 */
@H2Test
class DocumentsTest {

    @Autowired TestRestTemplate rest;
    @Autowired InProcessCycle driver;
    @Autowired ApplicationRepository applications;
    @Autowired TaskService taskService;
    @Autowired WithdrawalService withdrawals;
    @Autowired JdbcClient jdbc;
    @Autowired DocumentKeeping keeping;
    @Autowired Documents documents;
    @LocalServerPort int port;

    long callId;

    static final List<Map<String, Object>> SLOTS = List.of(
            Map.of("code", "caseReport", "label", "Case report", "kind", "PDF", "required", true, "maxFiles", 1,
                    "maxBytes", 10 << 20, "maxPages", 20),
            Map.of("code", "photographs", "label", "Photographs", "kind", "IMAGES", "required", false, "maxFiles", 5,
                    "maxBytes", 5 << 20),
            Map.of("code", "video", "label", "Video", "kind", "LINK", "required", false, "maxFiles", 1, "maxBytes", 0));

    @BeforeEach
    void openCall() {
        callId = driver.openCall("Documents " + System.nanoTime());
        ResponseEntity<List> set = coordinator().exchange("/api/calls/" + callId + "/document-slots", HttpMethod.PUT,
                new HttpEntity<>(SLOTS), List.class);
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    TestRestTemplate coordinator() {
        return rest.withBasicAuth(CycleDriver.COORDINATOR, CycleDriver.PASSWORD);
    }

    static Map<String, Object> application(String organisation, String country, String contact) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationName", organisation);
        body.put("organisationType", "HEI");
        body.put("country", country);
        body.put("categoryCode", "MC");
        body.put("contactName", contact);
        body.put("contactEmail", contact.toLowerCase().replace(' ', '.') + "@" + country.toLowerCase() + "-mail.net");
        body.put("title", "Mobile tutoring at " + organisation);
        body.put("summary", "Tutoring by phone for 1,200 lecturers.");
        body.put("description", organisation + " runs mobile tutoring circles in " + country + " for 12,345 students.");
        body.put("educatorsReached", 1200);
        body.put("consent", true);
        return body;
    }

    ResponseEntity<Map> send(Map<String, Object> application, Map<String, List<Object>> parts) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        body.add("application", new HttpEntity<>(application, json));
        parts.forEach((name, values) -> values.forEach(v -> body.add(name, v)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.postForEntity("/api/calls/" + callId + "/applications", new HttpEntity<>(body, headers), Map.class);
    }

    static ByteArrayResource file(String name, byte[] bytes) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    static byte[] report(String... extra) {
        List<String> lines = new ArrayList<>(List.of("Case report", "Mobile tutoring circles for lecturers.", "Results after a year."));
        lines.addAll(List.of(extra));
        return TestDocuments.pdf(lines, "Grace Mwangi");
    }

    long documentRows() {
        return jdbc.sql("SELECT COUNT(*) FROM document WHERE call_id = ?").param(callId).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    static List<String> messages(ResponseEntity<Map> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream().map(e -> e.get("field") + ": " + e.get("message"))
                .toList();
    }

    @Test
    void badFilesAreRefusedNamingTheSlotAndTheReasonAndNothingIsKept() throws Exception {
        Map<String, Object> app = application("Makerere Open University", "Uganda", "Grace Mwangi");
        Map<String, Supplier<byte[]>> bad = Map.of(
                "is not a PDF (its content is a program)", TestDocuments::program,
                "protected", TestDocuments::encryptedPdf,
                "cannot be read", TestDocuments::damagedPdf,
                "bomb", () -> TestDocuments.decompressionBomb(520));
        for (Map.Entry<String, Supplier<byte[]>> file : bad.entrySet()) {
            ResponseEntity<Map> refused = send(app, Map.of("caseReport", List.of(file("report.pdf", file.getValue().get()))));
            assertThat(refused.getStatusCode()).as(file.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(messages(refused)).as(file.getKey()).singleElement().asString().startsWith("caseReport: Case report: ")
                    .contains(file.getKey());
        }
        ResponseEntity<Map> pixels = send(app, Map.of("caseReport", List.of(file("r.pdf", report())),
                "photographs", List.of(file("p.png", TestDocuments.pngBomb()))));
        assertThat(messages(pixels)).singleElement().asString().contains("Photographs: the image has 10,000,000,000 pixels");
        ResponseEntity<Map> missing = send(app, Map.of("video", List.of("ftp://example.org/film")));
        assertThat(messages(missing)).containsExactlyInAnyOrder(
                "video: Video: needs a web address starting with https://, for example https://video.example.org/watch?v=abc",
                "caseReport: Case report is needed (PDF, at most 10 MB and 20 pages)");
        ResponseEntity<Map> unknown = send(app, Map.of("caseReport", List.of(file("r.pdf", report())), "budget",
                List.of(file("b.pdf", report()))));
        assertThat(messages(unknown)).containsExactly("budget: is not a document this call asks for");

        // A 200 MB upload: refused by its declared size, its bytes read and dropped, so that the client gets the answer.
        long size = 200L << 20;
        String boundary = "b0undary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caseReport\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest huge = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/calls/" + callId + "/applications"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(head), new ZeroStream(size - head.length))), size)).build();
        HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(huge, HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than 25 MB").contains("nothing was kept");

        assertThat(documentRows()).isZero();
        assertThat(applications.byCall(callId)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_content WHERE storage_key NOT IN (SELECT storage_key FROM document "
                + "WHERE storage_key IS NOT NULL) AND storage_key NOT IN (SELECT clean_key FROM document WHERE clean_key IS NOT NULL)")
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePublicFormSendsApplicantsOfACallThatRequiresDocumentsToThePortal() {
        String page = rest.getForObject("/calls/" + callId + "/apply", String.class);
        assertThat(page).contains("This call asks for documents (Case report), which this page cannot take.", "href=\"/portal\"")
                .doesNotContain("name=\"organisationName\"");
    }

    @Test
    void slotsAreSetByCoordinatorsOnlyAndChecked() {
        assertThat(rest.withBasicAuth("tj01", CycleDriver.PASSWORD).exchange("/api/calls/" + callId + "/document-slots", HttpMethod.PUT,
                new HttpEntity<>(List.of()), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> wrong = coordinator().exchange("/api/calls/" + callId + "/document-slots", HttpMethod.PUT,
                new HttpEntity<>(List.of(Map.of("code", "Case Report", "label", "", "kind", "PDF", "maxFiles", 3, "maxBytes", 1L << 30))),
                Map.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(wrong)).extracting(m -> m.substring(0, m.indexOf(':'))).containsExactlyInAnyOrder(
                "slots[0].code", "slots[0].label", "slots[0].maxFiles", "slots[0].maxBytes");
        assertThat(rest.getForEntity("/api/calls/" + callId + "/document-slots", List.class).getBody()).hasSize(3);
    }

    @Test
    void judgesReadCleanCopiesOfTheirOwnApplicationsOnly() throws Exception {
        byte[] photo = TestDocuments.jpegWithGps("Grace Mwangi", 32.58, 0.35);
        byte[] makerereReport = report();
        ResponseEntity<Map> clean = send(application("Makerere Open University", "Uganda", "Grace Mwangi"), Map.of(
                "caseReport", List.of(file("Makerere_Open_University_case.pdf", makerereReport)), "photographs", List.of(file("launch.jpg", photo)),
                "video", List.of("https://video.example.org/watch?v=42")));
        assertThat(clean.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> kept = (List<Map<String, Object>>) clean.getBody().get("documents");
        assertThat(kept).extracting(d -> d.get("namesApplicant")).containsOnly(false);
        Map<String, Object> keptReport = kept.stream().filter(d -> d.get("slot").equals("caseReport")).findFirst().orElseThrow();
        assertThat((List<String>) keptReport.get("findings")).containsExactlyInAnyOrder(
                "the file name: the organisation's name (\u201cMakerere Open University\u201d), removed from the judges' copy",
                "the document's properties (Author): a person's name (\u201cGrace Mwangi\u201d), removed from the judges' copy");

        ResponseEntity<Map> naming = send(application("Kigali Digital College", "Rwanda", "Jean Habimana"), Map.of(
                "caseReport", List.of(file("case.pdf", report("Prepared by the team of", "Kigali Digital College, 2025.")))));
        List<Map<String, Object>> named = (List<Map<String, Object>>) naming.getBody().get("documents");
        assertThat(named.get(0)).containsEntry("namesApplicant", true);
        assertThat((List<String>) named.get(0).get("findings")).contains(
                "page 1, line 5: the organisation's name (\u201cKigali Digital College\u201d)");
        send(application("Andes Virtual Institute", "Peru", "Lucia Quispe"), Map.of("caseReport", List.of(file("case.pdf", report()))));
        send(application("Lima Tech Institute", "Peru", "Rosa Flores"), Map.of("caseReport", List.of(file("case.pdf", report()))));
        driver.runJobs();

        StoredApplication makerere = byOrganisation("Makerere Open University");
        StoredApplication kigali = byOrganisation("Kigali Digital College");
        Task kigaliCheck = redactionCheck(kigali);
        assertThat((String) taskService.getVariable(kigaliCheck.getId(), ApplicationProcess.DOCUMENT_REPORT))
                .contains("still names the applicant").contains("page 1, line 5");
        // Alone in its category from Rwanda, and its dossier says so: flagged. The two from Peru share it: not flagged.
        assertThat((String) taskService.getVariable(kigaliCheck.getId(), ApplicationProcess.UNIQUENESS_WARNING))
                .contains("country (Rwanda)").contains("a country of Eastern Africa");
        assertThat((String) taskService.getVariable(redactionCheck(byOrganisation("Lima Tech Institute")).getId(),
                ApplicationProcess.UNIQUENESS_WARNING)).isEmpty();

        assertThatThrownBy(() -> driver.completeAs(CycleDriver.COORDINATOR, kigaliCheck.getId(), Map.of()))
                .hasMessageContaining("Case report (case.pdf) still names the applicant")
                .hasMessageContaining("withhold it from the judges");
        driver.completeAs(CycleDriver.COORDINATOR, kigaliCheck.getId(), Map.of(ApplicationProcess.WITHHOLD_NAMING_DOCUMENTS, true,
                ApplicationProcess.GENERALISE_FACTS, true));
        driver.runToReviews(callId);

        Task review = reviewOf(makerere);
        String judge = review.getAssignee();
        String links = (String) taskService.getVariable(review.getId(), ReviewProcess.DOSSIER_DOCUMENTS);
        long reportId = documentId(makerere, "caseReport");
        long photoId = documentId(makerere, "photographs");
        assertThat(links).contains("[Case report](/documents/" + reportId + ")").contains("https://video.example.org/watch?v=42")
                .doesNotContain("Makerere");
        TestRestTemplate asJudge = rest.withBasicAuth(judge, CycleDriver.PASSWORD);
        ResponseEntity<byte[]> pdf = asJudge.getForEntity("/documents/" + reportId, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).startsWith(makerere.code()).doesNotContain("Makerere");
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(document.getDocumentInformation().getAuthor()).isNull();
            assertThat(new PDFTextStripper().getText(document)).contains("Mobile tutoring circles");
        }
        byte[] jpeg = asJudge.getForEntity("/documents/" + photoId, byte[].class).getBody();
        assertThat(Imaging.getMetadata(jpeg) instanceof JpegImageMetadata m && m.getExif() != null).isFalse();
        assertThat(asJudge.getForEntity("/documents/" + reportId + "/original", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        StoredApplication other = applications.byCall(callId).stream()
                .filter(a -> taskService.createTaskQuery().taskAssignee(judge).processVariableValueEquals(ReviewProcess.APPLICATION_CODE,
                        a.code()).count() == 0).findFirst().orElseThrow();
        ResponseEntity<String> notTheirs = asJudge.getForEntity("/documents/" + documentId(other, "caseReport"), String.class);
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notTheirs.getBody()).isEqualTo("This document belongs to an application you do not review.");
        assertThat(rest.getForEntity("/documents/" + reportId, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        Task kigaliReview = reviewOf(kigali);
        ResponseEntity<String> withheld = rest.withBasicAuth(kigaliReview.getAssignee(), CycleDriver.PASSWORD)
                .getForEntity("/documents/" + documentId(kigali, "caseReport"), String.class);
        assertThat(withheld.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) taskService.getVariable(kigaliReview.getId(), ReviewProcess.DOSSIER_DESCRIPTION))
                .contains("a country of Eastern Africa").contains("over 10,000").doesNotContain("Rwanda");

        ResponseEntity<byte[]> original = coordinator().getForEntity("/documents/" + reportId + "/original", byte[].class);
        assertThat(Documents.sha256(original.getBody())).isEqualTo(Documents.sha256(makerereReport)).isEqualTo(keptReport.get("sha256"));
        assertThat(original.getHeaders().getContentDisposition().getFilename()).isEqualTo("Makerere_Open_University_case.pdf");

        withdrawals.withdraw(makerere.id(), "Merged with another application");
        assertThat(asJudge.getForEntity("/documents/" + reportId, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        List<Map<String, String>> audit = coordinator().getForObject("/api/calls/" + callId + "/audit", List.class);
        assertThat(audit).extracting(e -> e.get("step")).contains("Document uploaded", "Document released to judges",
                "Document withheld from judges", "Document downloaded by a judge", "Document downloaded by the award office",
                "Document withdrawn with the application");
        assertThat(audit).filteredOn(e -> "Document downloaded by a judge".equals(e.get("step"))).extracting(e -> e.get("actor"))
                .containsOnly(judge);
    }

    @Test
    void aDocumentIsSearchedAgainWhenTheApplicantsIdentityChangedAndOnlyThen() {
        send(application("Andes Virtual Institute", "Peru", "Lucia Quispe"), Map.of("caseReport", List.of(file("case.pdf", report()))));
        driver.runJobs();
        StoredApplication andes = byOrganisation("Andes Virtual Institute");
        long report = documentId(andes, "caseReport");
        assertThat(documents.recheck(callId, andes.id())).singleElement().satisfies(c -> assertThat(c.namesApplicant()).isFalse());

        // The stored text now names the applicant: a search with the same identity would find it, and none is made.
        jdbc.sql("UPDATE document SET text = ? WHERE id = ?").params("Prepared by Andes Virtual Institute.", report).update();
        assertThat(documents.recheck(callId, andes.id())).singleElement().satisfies(c -> assertThat(c.namesApplicant()).isFalse());

        // Another contact person is another identity: the text is searched again.
        jdbc.sql("UPDATE application SET contact_name = ? WHERE id = ?").params("Rosa Flores", andes.id()).update();
        assertThat(documents.recheck(callId, andes.id())).singleElement().satisfies(c -> assertThat(c.findings())
                .extracting(Finding::describe).contains("page 1, line 1: the organisation's name (\u201cAndes Virtual Institute\u201d)"));
    }

    /** So many zero bytes, made as they are read. */
    static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long left) {
            this.left = left;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    @Test
    void aYearAfterTheAnnouncementTheBytesGoAndTheirTraceStays() {
        send(application("Andes Virtual Institute", "Peru", "Lucia Quispe"), Map.of("caseReport", List.of(file("case.pdf", report()))));
        long id = jdbc.sql("SELECT id FROM document WHERE call_id = ?").param(callId).query(Long.class).single();
        keeping.forgetExpired();
        assertThat(coordinator().getForEntity("/documents/" + id + "/original", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

        jdbc.sql("UPDATE award_call SET announced_at = ? WHERE id = ?").params(java.time.OffsetDateTime.now().minusDays(366), callId)
                .update();
        // The scheduled run may come first: either way the bytes go once.
        keeping.forgetExpired();

        assertThat(coordinator().getForEntity("/documents/" + id + "/original", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_content WHERE storage_key LIKE ?").param("doc-" + id + "-%").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT sha256 FROM document WHERE id = ?").param(id).query(String.class).single()).hasSize(64);
        List<Map<String, String>> audit = coordinator().getForObject("/api/calls/" + callId + "/audit", List.class);
        assertThat(audit).extracting(e -> e.get("step")).containsOnlyOnce("Document deleted after the retention period");
    }

    StoredApplication byOrganisation(String name) {
        return applications.byCall(callId).stream().filter(a -> a.organisationName().equals(name)).findFirst().orElseThrow();
    }

    Task redactionCheck(StoredApplication application) {
        return taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION)
                .processInstanceBusinessKey(application.code()).singleResult();
    }

    Task reviewOf(StoredApplication application) {
        return taskService.createTaskQuery().taskDefinitionKey(ReviewProcess.TASK_REVIEW_APPLICATION)
                .processVariableValueEquals(ReviewProcess.APPLICATION_CODE, application.code()).list().get(0);
    }

    long documentId(StoredApplication application, String slot) {
        return jdbc.sql("SELECT id FROM document WHERE application_id = ? AND slot_code = ?").params(application.id(), slot)
                .query(Long.class).single();
    }
}
