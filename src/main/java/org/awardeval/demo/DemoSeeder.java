package org.awardeval.demo;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awardeval.assignment.JudgeService;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.call.CallService;
import org.awardeval.deliberation.PanelService;
import org.awardeval.documents.DocumentSlot;
import org.awardeval.documents.Documents;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.security.AccessSetup;
import org.awardeval.security.Groups;
import org.awardeval.submission.ApplicationForm;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode: a user for each role and an open cycle with realistic applications. Does nothing when they exist. */
@Component
@Profile("demo")
class DemoSeeder {

    public static final String DEMO_CALL = "Pioneer Award 2025 (demo)";
    static final int OPEN_REDACTION_CHECKS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final AccessSetup access;
    private final JudgeService judges;
    private final CallService callService;
    private final CallRepository calls;
    private final PanelService panel;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Documents documents;

    /** What the demo call asks for: a case report, photographs, a video. */
    static final List<DocumentSlot> DEMO_SLOTS = List.of(
            new DocumentSlot("caseReport", "Case report", DocumentSlot.Kind.PDF, true, 1, 10L * 1024 * 1024, 20),
            new DocumentSlot("photographs", "Photographs", DocumentSlot.Kind.IMAGES, false, 5, 5L * 1024 * 1024, null),
            new DocumentSlot("video", "Video", DocumentSlot.Kind.LINK, false, 1, 0, null));

    DemoSeeder(AccessSetup access, JudgeService judges, CallService callService, CallRepository calls,
            PanelService panel, TaskService taskService, IdentityService identityService,
            Documents documents) {
        this.documents = documents;
        this.panel = panel;
        this.taskService = taskService;
        this.identityService = identityService;
        this.access = access;
        this.judges = judges;
        this.callService = callService;
        this.calls = calls;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void seed() {
        String pw = SampleData.PASSWORD;
        access.ensureUser("coordinator", "Clara", "Coordinator", "coordinator@demo.example.org", pw, Groups.COORDINATORS);
        SampleData.PANEL.forEach(panel::register);
        access.ensureUser("owner", "Olga", "Process Owner", "owner@demo.example.org", pw, Groups.PROCESS_OWNERS);
        SampleData.JUDGES.forEach(judges::register);

        if (calls.findIdByName(DEMO_CALL).isPresent()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MINUTES);
        // In the six UN languages, its texts translated as a coordinator would (src/main/resources/demo).
        Map<String, Map<String, String>> translations = SampleData.callTranslations();
        long callId = callService.open(new CallRequest(DEMO_CALL,
                "IIOE Ecosystem-driven Promising Practices: Empowering Workforce, Innovation, and Collaboration", "PA25",
                now.plusDays(30), now.plusDays(60), 3, 3, "chair", null, null, null, null, null, null, null, null, null,
                List.copyOf(translations.keySet()), translations));
        documents.defineSlots(callId, DEMO_SLOTS);
        List<ApplicationForm> forms = SampleData.applications();
        for (int i = 0; i < forms.size(); i++) {
            ApplicationForm form = forms.get(i);
            // The last report names its organisation: its redaction check, left open, shows what the identity check finds.
            byte[] report = SampleDocuments.caseReport(form, i == forms.size() - 1);
            documents.submit(callId, form, List.of(new Documents.Upload("caseReport", "case-report.pdf", report)), Map.of());
        }
        int open = releaseRedactionChecks(callId);
        LOG.info("Demo cycle '{}' (call {}) is open with {} applications, {} redaction checks open; log in as 'coordinator' / '{}'",
                DEMO_CALL, callId, forms.size(), open, pw);
    }

    /**
     * The coordinator has checked the redaction of all but the last few of the demo's dossiers, which wait in
     * "Coordination tasks"; other calls' checks are left to their coordinators. Returns how many stay open.
     */
    int releaseRedactionChecks(long callId) {
        List<Task> checks = taskService.createTaskQuery().taskDefinitionKey(ApplicationProcess.TASK_CHECK_REDACTION)
                .processVariableValueEquals(ApplicationProcess.CALL_ID, callId).orderByTaskCreateTime().asc().orderByTaskId().asc().list();
        identityService.setAuthentication("coordinator", List.of(Groups.COORDINATORS));
        try {
            checks.subList(0, Math.max(0, checks.size() - OPEN_REDACTION_CHECKS)).forEach(task -> taskService.complete(task.getId()));
        } finally {
            identityService.clearAuthentication();
        }
        return Math.min(OPEN_REDACTION_CHECKS, checks.size());
    }
}
