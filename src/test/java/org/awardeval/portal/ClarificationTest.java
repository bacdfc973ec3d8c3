package org.awardeval.portal;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.awardeval.demo.SampleData;
import org.awardeval.documents.Documents;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.support.TestDocuments;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A coordinator asks an applicant a question from the eligibility check; the applicant answers in the portal, over
 * HTTP as their browser sends it, and may correct a text, which is what the dossier is then made from. A question
 * nobody answers is reminded once and expires, and the coordinators decide without the answer.
 */
@H2Test
class ClarificationTest {

    @LocalServerPort int port;
    @Autowired InProcessCycle driver;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired OutboxRepository outbox;
    @Autowired Documents documents;

    @Test
    void theApplicantAnswersAndChangesTheDescriptionAndTheCoordinatorDecidesWithTheAnswer() throws Exception {
        String email = "clarify@foundation.test";
        long callId = driver.openCall("Clarification " + System.nanoTime());
        String code = driver.submit(callId, SampleData.form("Open Learning Foundation cq", "OTHER", "Kenya", "MC", "Wanjiru Kamau",
                email, true)).code();
        Task check = check(code);
        // Too many days, or none: refused on the form's field, and nobody is asked.
        assertThatThrownBy(() -> driver.completeAs(CycleDriver.COORDINATOR, check.getId(), Map.of("coordinatorDecision", "ASK",
                "coordinatorReason", "Does the foundation award degrees?", ApplicationProcess.CLARIFICATION_DAYS, 90L)))
                .hasMessageContaining("Days the applicant has to answer (when you ask): must be a whole number from 1 to 60");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clarification c JOIN application a ON a.id = c.application_id WHERE a.code = ?")
                .param(code).query(Long.class).single()).isZero();

        driver.completeAs(CycleDriver.COORDINATOR, check.getId(), Map.of("coordinatorDecision", "ASK",
                "coordinatorReason", "Does the foundation award degrees?", ApplicationProcess.CLARIFICATION_DAYS, 7L));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
        List<OutboxRepository.Stored> asked = outbox.byCall(callId).stream().filter(m -> m.kind().startsWith("ASKED-")).toList();
        assertThat(asked).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(email);
            assertThat(m.body()).contains("Does the foundation award degrees?", "/portal/applications/" + code);
        });

        Applicant applicant = Applicant.signedInFromOutbox(port, jdbc, email);
        String page = applicant.get("/portal/applications/" + code).body();
        assertThat(page).contains("Question for you", "Does the foundation award degrees?");
        HttpResponse<String> empty = applicant.post("/portal/applications/" + code + "/answer",
                Map.of("answer", "", "summary", "Teacher training.", "description", "Courses."));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Your answer is required");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();

        String description = "Accredited bachelor's degrees in education since 2019, taught online across Kenya.";
        HttpResponse<String> sent = applicant.post("/portal/applications/" + code + "/answer",
                Map.of("answer", "Yes: it is accredited to award bachelor's degrees.", "summary", "Teacher training online.",
                        "description", description));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(applicant.get("/portal/applications/" + code + "?answered").body()).contains("Answer sent").doesNotContain("Question for you");
        HttpResponse<String> twice = applicant.post("/portal/applications/" + code + "/answer",
                Map.of("answer", "Again", "summary", "x", "description", "y"));
        assertThat(twice.statusCode()).isEqualTo(400);

        Task again = check(code);
        assertThat(taskService.getVariable(again.getId(), ApplicationProcess.CLARIFICATION_NOTE).toString())
                .contains("Yes: it is accredited to award bachelor's degrees.", "changed the summary or the description");
        assertThat(taskService.getVariable(again.getId(), ApplicationProcess.COORDINATOR_DECISION)).isNull();
        driver.completeAs(CycleDriver.COORDINATOR, again.getId(), Map.of("coordinatorDecision", "ELIGIBLE",
                "coordinatorReason", "Awards degrees since 2019"));
        driver.runJobs();
        assertThat(jdbc.sql("SELECT d.description FROM dossier d JOIN application a ON a.id = d.application_id WHERE a.code = ?")
                .param(code).query(String.class).single()).contains("bachelor's degrees in education since 2019");
        assertThat(outbox.byCall(callId)).filteredOn(m -> m.kind().startsWith("ASKED-")).hasSize(1);
    }

    @Test
    void aQuestionNobodyAnswersIsRemindedOnceAndExpires() throws Exception {
        String email = "silent@foundation.test";
        long callId = driver.openCall("Clarification expiry " + System.nanoTime());
        String code = driver.submit(callId, SampleData.form("Quiet Foundation cq", "OTHER", "Kenya", "MC", "Otieno Odhiambo",
                email, true)).code();
        driver.completeAs(CycleDriver.COORDINATOR, check(code).getId(), Map.of("coordinatorDecision", "ASK",
                "coordinatorReason", "Who teaches the courses?", ApplicationProcess.CLARIFICATION_DAYS, 2L));

        // The timers as they fall due: the reminder first, then the deadline.
        managementService.executeJob(timer(code, "Event_RemindApplicant").getId());
        assertThat(outbox.byCall(callId)).filteredOn(m -> m.kind().startsWith("ASK-REMIND-")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Who teaches the courses?"));
        managementService.executeJob(timer(code, "Event_AnswerDue").getId());
        Task again = check(code);
        assertThat(taskService.getVariable(again.getId(), ApplicationProcess.CLARIFICATION_NOTE).toString())
                .startsWith("No answer came by the deadline");
        assertThat(jdbc.sql("SELECT c.status FROM clarification c JOIN application a ON a.id = c.application_id WHERE a.code = ?")
                .param(code).query(String.class).single()).isEqualTo("EXPIRED");

        Applicant applicant = Applicant.signedInFromOutbox(port, jdbc, email);
        assertThat(applicant.get("/portal/applications/" + code).body()).doesNotContain("Question for you");
        HttpResponse<String> late = applicant.post("/portal/applications/" + code + "/answer",
                Map.of("answer", "Our own lecturers.", "summary", "x", "description", "y"));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("there is no open question");
        assertThat(outbox.byCall(callId)).filteredOn(m -> m.kind().startsWith("ASK")).hasSize(2);
    }

    @Test
    void fromTheRedactionCheckTheApplicantCorrectsTheTextAndTheDossierIsMadeAndCheckedAgain() throws Exception {
        String email = "redaction@lakeside.test";
        long callId = driver.openCall("Clarification of a dossier " + System.nanoTime());
        String code = driver.submit(callId, SampleData.form("Lakeside University cr", "HEI", "Ghana", "MC", "Kofi Mensah", email, true))
                .code();
        driver.runJobs();
        Task redaction = redactionCheck(code);
        driver.completeAs(CycleDriver.COORDINATOR, redaction.getId(), Map.of(ApplicationProcess.REDACTION_DECISION, "ASK",
                "coordinatorReason", "The description names your campus; please describe it without the name.",
                ApplicationProcess.CLARIFICATION_DAYS, 5L));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dossier d JOIN application a ON a.id = d.application_id WHERE a.code = ?").param(code)
                .query(Long.class).single()).isOne();

        Applicant applicant = Applicant.signedInFromOutbox(port, jdbc, email);
        assertThat(applicant.get("/portal/applications/" + code).body()).contains("The description names your campus");
        String rewritten = "Teachers from three regions learn online in a programme run by the regional offices.";
        assertThat(applicant.post("/portal/applications/" + code + "/answer", Map.of("answer", "Done: the campus is no longer named.",
                "summary", "Teacher training online.", "description", rewritten)).statusCode()).isEqualTo(302);

        Task again = redactionCheck(code);
        assertThat(taskService.getVariable(again.getId(), ApplicationProcess.DOSSIER_DESCRIPTION).toString()).startsWith(rewritten);
        assertThat(taskService.getVariable(again.getId(), ApplicationProcess.CLARIFICATION_NOTE).toString())
                .contains("Done: the campus is no longer named.");
        driver.completeAs(CycleDriver.COORDINATOR, again.getId(), Map.of());
        driver.runJobs();
        assertThat(jdbc.sql("SELECT status FROM application WHERE code = ?").param(code).query(String.class).single()).isEqualTo("READY");
        assertThat(jdbc.sql("SELECT d.description FROM dossier d JOIN application a ON a.id = d.application_id WHERE a.code = ?")
                .param(code).query(String.class).single()).startsWith(rewritten);
    }

    @Test
    void askedForAnAnonymisedReportTheApplicantReplacesItAndTheCheckFindsNoName() throws Exception {
        String email = "report@riverside.test";
        long callId = driver.openCall("Clarification of a report " + System.nanoTime());
        documents.defineSlots(callId, TestDocuments.SLOTS);
        String code = TestDocuments.submit(documents, callId, SampleData.form("Riverside Polytechnic", "HEI", "Ghana", "MC",
                "Ama Owusu", email, true), List.of(new Documents.Upload("caseReport", "report.pdf",
                        TestDocuments.pdf(List.of("Case report", "Written at Riverside Polytechnic."), null)))).code();
        driver.runJobs();
        Task redaction = redactionCheck(code);
        assertThat(taskService.getVariable(redaction.getId(), ApplicationProcess.DOCUMENT_REPORT).toString())
                .contains("page 1, line 2: the organisation's name");
        driver.completeAs(CycleDriver.COORDINATOR, redaction.getId(), Map.of(ApplicationProcess.REDACTION_DECISION, "ASK",
                "coordinatorReason", "Your case report names the polytechnic; please send a version without the name.",
                ApplicationProcess.CLARIFICATION_DAYS, 5L));

        Applicant applicant = Applicant.signedInFromOutbox(port, jdbc, email);
        String page = applicant.get("/portal/applications/" + code).body();
        assertThat(page).contains("It names you where judges would read it:", "page 1, line 2: the organisation&#39;s name", "Replace");
        long old = jdbc.sql("SELECT d.id FROM document d JOIN application a ON a.id = d.application_id WHERE a.code = ?").param(code)
                .query(Long.class).single();
        String replace = "/portal/applications/" + code + "/documents/" + old + "/replace";
        HttpResponse<String> wrong = applicant.postFile(replace, "file", "report.pdf", TestDocuments.program());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Case report: the file is not a PDF (its content is a program)");
        applicant.get("/portal/applications/" + code);
        assertThat(applicant.postFile(replace, "file", "report.pdf", TestDocuments.pdf(List.of("Case report", "Written at our campus."),
                null)).statusCode()).isEqualTo(302);
        applicant.get("/portal/applications/" + code);
        assertThat(applicant.post("/portal/applications/" + code + "/answer", Map.of("answer", "The report no longer names us.",
                "summary", "Teacher training online.", "description", "Teachers learn online.")).statusCode()).isEqualTo(302);
        // Once the question is answered, nothing more is replaced.
        applicant.get("/portal/applications/" + code);
        assertThat(applicant.postFile(replace, "file", "report.pdf", TestDocuments.pdf(List.of("Again"), null)).statusCode())
                .isEqualTo(400);

        Task again = redactionCheck(code);
        assertThat(taskService.getVariable(again.getId(), ApplicationProcess.DOCUMENT_REPORT).toString())
                .contains("names nobody").doesNotContain("Riverside");
        driver.completeAs(CycleDriver.COORDINATOR, again.getId(), Map.of());
        assertThat(jdbc.sql("SELECT d.status FROM document d JOIN application a ON a.id = d.application_id WHERE a.code = ? ORDER BY d.id")
                .param(code).query(String.class).list()).containsExactly("REMOVED", "RELEASED");
    }

    private Task redactionCheck(String code) {
        return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION)
                .singleResult();
    }

    private Task check(String code) {
        return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(ApplicationProcess.TASK_CHECK_ELIGIBILITY)
                .singleResult();
    }

    private Job timer(String code, String activity) {
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                .processInstanceBusinessKey(code).singleResult().getId();
        return managementService.createJobQuery().processInstanceId(instance).activityId(activity).singleResult();
    }
}
