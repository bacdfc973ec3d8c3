package org.awardeval.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.awardeval.demo.SampleData;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Until the deadline an applicant changes their sent application in the portal, over HTTP as their browser sends it:
 * each change keeps the earlier text as a version they can read, the dossier is made and checked again (also when the
 * change arrives during the check), and judges read the last version; once the call has closed, a change is refused.
 */
@H2Test
class VersionTest {

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService taskService;

    @Test
    void eachChangeIsAVersionTheDossierIsCheckedAgainAndAfterTheCallClosesNothingChanges() throws Exception {
        String email = "versions@lakeside.test";
        long callId = driver.openCall("Versions " + System.nanoTime());
        SampleData.sixEligible("vt").forEach(form -> driver.submit(callId, form));
        String code = driver.submit(callId, SampleData.form("Lakeside University vt", "HEI", "Ghana", "MC", "Kofi Mensah", email, true))
                .code();
        driver.runJobs();
        driver.confirmRedactions(callId);
        assertThat(status(code)).isEqualTo("READY");

        Applicant applicant = Applicant.signedInFromOutbox(port, jdbc, email);
        assertThat(applicant.get("/portal/applications/" + code).body()).contains("Change the application");
        HttpResponse<String> tooLong = applicant.post("/portal/applications/" + code + "/change", Map.of("title", "Second title",
                "summary", String.join(" ", java.util.Collections.nCopies(301, "word")), "description", "Second description."));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Summary has 301 words; at most 300 are allowed");
        assertThat(status(code)).isEqualTo("READY");

        HttpResponse<String> changed = applicant.post("/portal/applications/" + code + "/change", Map.of("title",
                "Online teaching in three regions", "summary", "Teachers learn online.", "description", "At Lakeside University vt, a second description."));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("?changed");
        assertThat(status(code)).isEqualTo("ELIGIBLE");
        Task check = redactionCheck(code);
        assertThat(taskService.getVariable(check.getId(), ApplicationProcess.DOSSIER_TITLE)).isEqualTo("Online teaching in three regions");

        // A second change while the office checks the first: the check starts again on the newest text.
        applicant.get("/portal/applications/" + code);
        applicant.post("/portal/applications/" + code + "/change", Map.of("title", "Online teaching across three regions",
                "summary", "Teachers learn online.", "description", "At Lakeside University vt, a third description."));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).list()).singleElement()
                .satisfies(task -> assertThat(taskService.getVariable(task.getId(), ApplicationProcess.DOSSIER_DESCRIPTION).toString())
                        .startsWith("At [organisation], a third description."));
        // The same text again is no change and no version.
        applicant.get("/portal/applications/" + code);
        assertThat(applicant.post("/portal/applications/" + code + "/change", Map.of("title", "Online teaching across three regions",
                "summary", "Teachers learn online.", "description", "At Lakeside University vt, a third description.")).headers()
                .firstValue("Location").orElseThrow())
                .doesNotContain("?changed");
        String page = applicant.get("/portal/applications/" + code).body();
        assertThat(page).contains("Earlier versions", "Version 1, replaced on", "Version 2, replaced on");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application_version v JOIN application a ON a.id = v.application_id WHERE a.code = ?")
                .param(code).query(Long.class).single()).isEqualTo(2);

        driver.completeAs(CycleDriver.COORDINATOR, redactionCheck(code).getId(), Map.of());
        driver.runJobs();
        assertThat(status(code)).isEqualTo("READY");
        driver.closeCall(callId);
        driver.runJobs();
        applicant.get("/portal/applications/" + code);
        HttpResponse<String> late = applicant.post("/portal/applications/" + code + "/change", Map.of("title", "Too late",
                "summary", "Teachers learn online.", "description", "A fourth description."));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("The application can no longer be changed: the call has closed.");
        assertThat(jdbc.sql("SELECT d.title FROM dossier d JOIN application a ON a.id = d.application_id WHERE a.code = ?").param(code)
                .query(String.class).single()).isEqualTo("Online teaching across three regions");
        assertThat(status(code)).isEqualTo("IN_REVIEW");
    }

    private Task redactionCheck(String code) {
        return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION)
                .singleResult();
    }

    private String status(String code) {
        return jdbc.sql("SELECT status FROM application WHERE code = ?").param(code).query(String.class).single();
    }
}
