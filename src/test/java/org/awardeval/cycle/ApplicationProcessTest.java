package org.awardeval.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.awardeval.anonymisation.DossierRepository;
import org.awardeval.demo.SampleData;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.support.CycleDriver;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.web.TaskInputException;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each path of application.bpmn: eligible, ineligible by the rules, and the coordinator's check both ways. */
@H2Test
class ApplicationProcessTest {

    @Autowired InProcessCycle driver;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ApplicationRepository applications;
    @Autowired DossierRepository dossiers;
    @Autowired OutboxRepository notifications;

    long callId;

    @BeforeEach
    void openCall() {
        BpmnAwareTests.init(engine);
        callId = driver.openCall("Application paths " + System.nanoTime());
    }

    @Test
    void anEligibleApplicationIsAnonymisedAndWaitsForTheReviewPhase() {
        var submission = driver.submit(callId, SampleData.form("Steppe University p1", "HEI", "Mongolia", "MC", "Bolormaa Ganbold",
                "bolormaa@steppe.test", true));
        ProcessInstance instance = instance(submission.code());
        assertThat(instance).hasPassed("Task_DecideEligibility", "Task_RecordEligibility", "Task_AnonymiseDossier")
                .isWaitingAt("Task_CheckRedaction");
        StoredApplication stored = applications.get(submission.applicationId());
        var dossier = dossiers.find(stored.id()).orElseThrow();
        assertThat(dossier.title() + dossier.summary() + dossier.description())
                .doesNotContain("Steppe University", "Bolormaa", "Ganbold", "bolormaa@steppe.test")
                .contains("[organisation]", "[person]", "[e-mail]", "[link]");

        // The coordinator sees the original beside the dossier, and may correct the dossier before it is released.
        Task check = BpmnAwareTests.task(instance);
        assertThat(check).hasCandidateGroup("coordinators").hasName("Check the redaction of " + submission.code());
        Map<String, Object> form = taskService.getVariables(check.getId());
        assertThat((String) form.get("originalSummary")).contains("Steppe University p1", "Bolormaa Ganbold");
        assertThat((String) form.get("dossierSummary")).isEqualTo(dossier.summary());
        String leaky = "Run by Steppe University p1, write to bolormaa@steppe.test or call +976 11 320 456.";
        assertThatThrownBy(() -> driver.completeAs(CycleDriver.COORDINATOR, check.getId(), Map.of("dossierSummary", leaky)))
                .isInstanceOf(TaskInputException.class)
                .hasMessageContaining("Summary for the judges: still contains an e-mail address, a phone number, the organisation's name");
        assertThat(instance).isWaitingAt("Task_CheckRedaction");
        driver.completeAs(CycleDriver.COORDINATOR, check.getId(), Map.of("dossierSummary", "The university trained lecturers."));
        assertThat(instance).isWaitingAt("Task_ReportSettled");
        assertThat(dossiers.find(stored.id()).orElseThrow().summary()).isEqualTo("The university trained lecturers.");
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("dossierSummary", "originalSummary");
        driver.runJobs();
        assertThat(instance).isWaitingFor(ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED);
        assertThat(applications.get(submission.applicationId()).status()).isEqualTo(ApplicationStatus.READY);
    }

    @Test
    void anApplicationWithoutConsentIsIneligibleAndItsApplicantIsNotified() {
        var submission = driver.submit(callId, SampleData.form("Quiet College p2", "HEI", "Kenya", "NC", "Wanjiru Kamau",
                "wanjiru@quiet.test", false));
        ProcessInstance instance = instance(submission.code());
        assertThat(instance).hasPassed("Task_RecordEligibility").isWaitingAt("Task_NotifyIneligible");
        driver.runJobs();
        assertThat(instance).isEnded().hasPassed("EndEvent_Ineligible");
        StoredApplication stored = applications.get(submission.applicationId());
        assertThat(stored.status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(stored.eligibilityReason()).contains("consent");
        assertThat(notifications.byCall(callId)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("INELIGIBLE");
            assertThat(n.recipient()).isEqualTo("wanjiru@quiet.test");
            assertThat(n.body()).contains("consent");
        });
    }

    @Test
    void aDoubtfulApplicationGoesToTheCoordinatorWhoCanAcceptIt() {
        var submission = driver.submit(callId, SampleData.form("Open Network p3", "OTHER", "Rwanda", "MC", "Jean Habimana",
                "jean@p3.test", true));
        ProcessInstance instance = instance(submission.code());
        assertThat(instance).isWaitingAt("Task_CheckEligibility");
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("coordinators").hasName("Check eligibility of " + submission.code());
        driver.completeAs(CycleDriver.COORDINATOR, BpmnAwareTests.task(instance).getId(),
                Map.of("coordinatorDecision", "ELIGIBLE", "coordinatorReason", "A consortium of universities"));
        assertThat(instance).hasPassed("Task_AnonymiseDossier").isWaitingAt("Task_CheckRedaction");
        driver.confirmRedactions(callId);
        assertThat(instance).isWaitingFor(ApplicationProcess.MESSAGE_REVIEW_PHASE_STARTED);
        assertThat(applications.get(submission.applicationId()).eligibilityReason()).isEqualTo("A consortium of universities");
    }

    @Test
    void aDoubtfulApplicationRejectedByTheCoordinatorIsIneligible() {
        var submission = driver.submit(callId, SampleData.form("Private Tutors p4", "OTHER", "Kenya", "MC", "Ann Otieno",
                "ann@p4.test", true));
        ProcessInstance instance = instance(submission.code());
        Task task = BpmnAwareTests.task(instance);
        assertThatThrownBy(() -> driver.completeAs(CycleDriver.COORDINATOR, task.getId(), Map.of("coordinatorDecision", "INELIGIBLE")))
                .isInstanceOf(TaskInputException.class).hasMessageContaining("Reason (recorded, and sent to the applicant if ineligible): is required");
        assertThat(instance).isWaitingAt("Task_CheckEligibility");
        driver.completeAs(CycleDriver.COORDINATOR, task.getId(),
                Map.of("coordinatorDecision", "INELIGIBLE", "coordinatorReason", "A commercial tutoring company, not eligible"));
        driver.runJobs();
        assertThat(instance).isEnded().hasPassed("EndEvent_Ineligible");
        assertThat(applications.get(submission.applicationId()).status()).isEqualTo(ApplicationStatus.INELIGIBLE);
    }

    @Test
    void anInvalidSubmissionLeavesNothingBehind() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("Application").count();
        int rows = applications.byCall(callId).size();
        assertThatThrownBy(() -> driver.submit(callId, SampleData.form("", "UNIVERSITY", "Mongolia", "MC", "A B", "not-an-email", true)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("organisationName: is required")
                .hasMessageContaining("organisationType: 'UNIVERSITY' is not one of")
                .hasMessageContaining("contactEmail: 'not-an-email' is not an e-mail address");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("Application").count()).isEqualTo(before);
        assertThat(applications.byCall(callId)).hasSize(rows);
    }

    @Test
    void aCoordinatorEntersAnApplicationThroughTheTasklistStartFormWithTheSameValidation() {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Application")
                .latestVersion().singleResult().getId();
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("callId", callId, "organisationName", "Mekong College tl",
                "organisationType", "HEI", "country", "Viet Nam", "categoryCode", "SC", "contactName", "Nguyen Lan",
                "contactEmail", "lan@mekong.test", "title", "Hybrid classrooms", "summary", "Hybrid teaching",
                "description", "Two campuses linked by smart classrooms"));
        fields.put("outcomes", "400 lecturers");
        fields.put("consent", true);
        engine.getIdentityService().setAuthentication(CycleDriver.COORDINATOR, java.util.List.of("coordinators"));
        try {
            ProcessInstance started = engine.getFormService().submitStartForm(definition, fields);
            StoredApplication stored = applications.byCall(callId).get(0);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult().getBusinessKey())
                    .isEqualTo(stored.code());
            assertThat(stored.outcomes()).isEqualTo("400 lecturers");
            assertThat(runtimeService.getVariable(started.getId(), "description")).isNull();

            fields.put("contactEmail", "lan-at-mekong");
            fields.put("title", "Another case");
            assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition, fields))
                    .hasMessageContaining("contactEmail: 'lan-at-mekong' is not an e-mail address");
            assertThat(applications.byCall(callId)).hasSize(1);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private ProcessInstance instance(String code) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    }
}
