package org.awardeval.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Execution;

/**
 * What Java relies on in processes/application.bpmn: one instance per application, from submission to the
 * applicant's notice; identities stay in it and never reach a review instance.
 * A process owner may change anything else in the Modeler; what {@link #CONTRACT} lists must stay.
 */
public final class ApplicationProcess {

    public static final String KEY = "Application";
    public static final String FILE = "application.bpmn";

    /** The cycle starts the reviews of every application waiting for them. */
    public static final String MESSAGE_REVIEW_PHASE_STARTED = "ReviewPhaseStarted";
    /** The cycle has announced the results. */
    public static final String MESSAGE_RESULT_ANNOUNCED = "ResultAnnounced";
    /** The applicant withdraws: the event subprocess "Withdrawal" interrupts whatever the application is doing. */
    public static final String MESSAGE_WITHDRAWAL_REQUESTED = "WithdrawalRequested";
    /** What the withdrawal reports to the cycle ({@link #CYCLE_MESSAGE}): a phase may be complete without it. */
    public static final String REPORT_WITHDRAWN = "ApplicationWithdrawn";
    /** The applicant changed the sent application before the deadline: its dossier is made and checked again. */
    public static final String MESSAGE_APPLICATION_CHANGED = "ApplicationChanged";
    /** The applicant has answered a coordinator's question. */
    public static final String MESSAGE_CLARIFICATION_ANSWERED = "ClarificationAnswered";
    /** A coordinator decides an unclear case. */
    public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
    /** A coordinator confirms the anonymised dossier. */
    public static final String TASK_CHECK_REDACTION = "Task_CheckRedaction";

    public static final List<String> MESSAGES = List.of(MESSAGE_REVIEW_PHASE_STARTED, MESSAGE_RESULT_ANNOUNCED,
            MESSAGE_WITHDRAWAL_REQUESTED, MESSAGE_CLARIFICATION_ANSWERED, MESSAGE_APPLICATION_CHANGED);
    public static final List<String> ERRORS = List.of();
    public static final List<String> ELEMENTS = List.of(TASK_CHECK_ELIGIBILITY, TASK_CHECK_REDACTION);

    // variables
    /** The application's assignments, one review each (the multi-instance collection). */
    public static final String ASSIGNMENT_IDS = "assignmentIds";
    public static final String APPLICATION_CODE = "applicationCode";
    public static final String APPLICATION_ID = "applicationId";
    public static final String APPLICATION_TITLE = "applicationTitle";
    public static final String CALL_ID = "callId";
    public static final String CATEGORY_CODE = "categoryCode";
    public static final String CATEGORY_KNOWN = "categoryKnown";
    /** The days the applicant has to answer a coordinator's question (the eligibility check's form). */
    public static final String CLARIFICATION_DAYS = "clarificationDays";
    /** When the question expires, and when the applicant is reminded: dates the process's timers read. */
    public static final String CLARIFICATION_DUE = "clarificationDue";
    public static final String CLARIFICATION_REMINDER = "clarificationReminderAt";
    /** What the coordinators read on their next check: the answer, or that none came. */
    public static final String CLARIFICATION_NOTE = "clarificationNote";
    public static final String CONSENT = "consent";
    /** The redaction check's choice: release the dossier ({@link #RELEASE}) or ask the applicant first ("ASK"). */
    public static final String REDACTION_DECISION = "redactionDecision";
    public static final String RELEASE = "RELEASE";
    public static final String CONSENT_GIVEN = "consentGiven";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String CONTACT_NAME = "contactName";
    public static final String COORDINATOR_DECISION = "coordinatorDecision";
    public static final String COORDINATOR_REASON = "coordinatorReason";
    public static final String COUNTRY = "country";
    public static final String CYCLE_MESSAGE = "cycleMessage";
    public static final String DESCRIPTION = "description";
    public static final String DOSSIER_DESCRIPTION = "dossierDescription";
    /** The application's documents as links for the award office (eligibility and redaction checks). */
    public static final String DOCUMENT_LIST = "documentList";
    /** What the redaction check found in the documents, and whether the facts left single the dossier out. */
    public static final String DOCUMENT_REPORT = "documentReport";
    public static final String UNIQUENESS_WARNING = "uniquenessWarning";
    /** The redaction check's choices: withhold documents that still name the applicant; generalise singling facts. */
    public static final String WITHHOLD_NAMING_DOCUMENTS = "withholdNamingDocuments";
    public static final String GENERALISE_FACTS = "generaliseFacts";
    public static final String DOSSIER_SUMMARY = "dossierSummary";
    public static final String DOSSIER_TITLE = "dossierTitle";
    public static final String DUPLICATE = "duplicate";
    public static final String DUPLICATE_OF = "duplicateOf";
    public static final String EDUCATORS_REACHED = "educatorsReached";
    public static final String ELIGIBILITY_OUTCOME = "eligibilityOutcome";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    public static final String ELIGIBILITY_RULE = "eligibilityRule";
    public static final String ELIGIBLE = "eligible";
    public static final String NOTIFICATION_KIND = "notificationKind";
    public static final String ON_TIME = "onTime";
    public static final String ORGANISATION_NAME = "organisationName";
    public static final String ORGANISATION_TYPE = "organisationType";
    public static final String ORGANISATION_TYPE_ALLOWED = "organisationTypeAllowed";
    public static final String ORIGINAL_DESCRIPTION = "originalDescription";
    public static final String ORIGINAL_SUMMARY = "originalSummary";
    public static final String ORIGINAL_TITLE = "originalTitle";
    public static final String OUTCOMES = "outcomes";
    public static final String PARTNERS = "partners";
    public static final String REQUIRED_FIELDS_PRESENT = "requiredFieldsPresent";
    public static final String SUMMARY = "summary";
    public static final String TITLE = "title";
    /** Where the application was when its applicant withdrew it (an {@code ApplicationStatus}). */
    public static final String STATUS_BEFORE_WITHDRAWAL = "statusBeforeWithdrawal";

    /** What Java relies on in {@value #FILE} (ProcessContractTest, and every proposed change). */
    public static final ProcessContract CONTRACT = new ProcessContract(KEY, FILE, MESSAGES, ERRORS, ELEMENTS,
            List.of(CYCLE_MESSAGE, NOTIFICATION_KIND),
            Map.of("eligibility-check", List.of(COORDINATOR_DECISION, COORDINATOR_REASON, CLARIFICATION_DAYS),
                    "redaction-check", List.of(DOSSIER_TITLE, DOSSIER_SUMMARY, DOSSIER_DESCRIPTION, REDACTION_DECISION, COORDINATOR_REASON,
                            CLARIFICATION_DAYS, WITHHOLD_NAMING_DOCUMENTS, GENERALISE_FACTS)));

    private ApplicationProcess() {
    }

    public static long callId(VariableScope scope) {
        return ProcessVariables.requiredLong(scope, CALL_ID);
    }

    public static long applicationId(VariableScope scope) {
        return ProcessVariables.requiredLong(scope, APPLICATION_ID);
    }

    /**
     * The call's application instances waiting for a message: found by their subscription, whatever the Modeler calls
     * the event.
     */
    public static List<String> waitingFor(RuntimeService runtimeService, String message, long callId) {
        return runtimeService.createExecutionQuery().processDefinitionKey(KEY).messageEventSubscriptionName(message)
                .processVariableValueEquals(CALL_ID, callId).list().stream().map(Execution::getProcessInstanceId).distinct()
                .toList();
    }
}
