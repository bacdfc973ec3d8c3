package org.awardeval.portal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.awardeval.documents.Documents;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.TestDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads into a draft over HTTP as the portal's forms send them: refused files keep nothing; others' drafts are out of reach. */
@H2Test
class DraftDocumentsTest {

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;

    @Test
    void anOversizeOrWrongFileIsRefusedBesideItsSlotAndAnotherApplicantReachesNoDocument() throws Exception {
        long callId = driver.openCall("Draft documents " + System.nanoTime());
        documents.defineSlots(callId, TestDocuments.SLOTS);
        Applicant owner = Applicant.signedInFromOutbox(port, jdbc, "uploads@lakeside.test");
        owner.get("/portal");
        String draft = owner.post("/portal/calls/" + callId + "/drafts", Map.of()).headers().firstValue("Location").orElseThrow()
                .replaceAll("^.*(/portal/)", "$1");
        owner.get(draft);

        // Over the limit the body cannot be read, its CSRF token with it: refused, and the applicant is sent back to the slot.
        HttpResponse<String> tooLarge = owner.postFile(draft + "/documents/caseReport", "file", "big.pdf", new byte[26 << 20]);
        assertThat(tooLarge.statusCode()).isEqualTo(302);
        String back = tooLarge.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith(draft + "?tooLarge=caseReport#caseReport");
        assertThat(owner.get(back.replaceAll("^.*(/portal/)", "$1").replaceAll("#.*", "")).body())
                .contains("The file is larger than 25 MB, the most a document may have; nothing was kept");
        owner.get(draft);
        HttpResponse<String> program = owner.postFile(draft + "/documents/caseReport", "file", "report.pdf", TestDocuments.program());
        assertThat(program.statusCode()).isEqualTo(400);
        assertThat(program.body()).contains("Case report: the file is not a PDF (its content is a program)");
        owner.get(draft);
        HttpResponse<String> unknown = owner.postFile(draft + "/documents/budget", "file", "budget.pdf",
                TestDocuments.pdf(List.of("Budget"), null));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE call_id = ?").param(callId).query(Long.class).single()).isZero();

        owner.get(draft);
        assertThat(owner.postFile(draft + "/documents/caseReport", "file", "report.pdf", TestDocuments.pdf(List.of("Case report"), null))
                .statusCode()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM document WHERE call_id = ?").param(callId).query(Long.class).single();
        Applicant other = Applicant.signedInFromOutbox(port, jdbc, "other@riverside.test");
        other.get("/portal");
        assertThat(other.get(draft).statusCode()).isEqualTo(404);
        assertThat(other.post(draft + "/documents/remove/" + id, Map.of()).statusCode()).isEqualTo(404);
        assertThat(other.postFile(draft + "/documents/caseReport", "file", "mine.pdf", TestDocuments.pdf(List.of("Mine"), null))
                .statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM document WHERE call_id = ?").param(callId).query(String.class).list())
                .containsExactly("DRAFT");
    }
}
