package org.awardeval.call;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.process.AwardCycleProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.TaskInputException;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens calls through the award cycle process, exactly as the Tasklist start form does, and extends deadlines. */
@Service
public class CallService {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final CallRepository calls;

    public CallService(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
            CallRepository calls) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.calls = calls;
    }

    /**
     * A call's settings. Null means the default: the 2025 categories, every criterion weighing 1, every organisation
     * type allowed, UTC, 3 reviews per application, 3 winners per category and twice that many shortlisted, no judge
     * from the applicant's country.
     */
    public record CallRequest(String callName, String theme, String codePrefix, OffsetDateTime submissionDeadline,
            OffsetDateTime reviewDeadline, Integer reviewsPerApplication, Integer winnersPerCategory, String chairUserId,
            String timeZone, List<Category> categories, Map<String, BigDecimal> rubric, List<String> allowedOrganisationTypes,
            OffsetDateTime embargoUntil, Integer shortlistPerCategory, Boolean sameCountryConflict, Integer summaryWords,
            Integer descriptionWords, List<String> languages, Map<String, Map<String, String>> translations) {

        public CallRequest(String callName, String theme, String codePrefix, OffsetDateTime submissionDeadline,
                OffsetDateTime reviewDeadline, Integer reviewsPerApplication, Integer winnersPerCategory, String chairUserId,
                String timeZone, List<Category> categories, Map<String, BigDecimal> rubric, List<String> allowedOrganisationTypes,
                OffsetDateTime embargoUntil, Integer shortlistPerCategory, Boolean sameCountryConflict, Integer summaryWords,
                Integer descriptionWords) {
            this(callName, theme, codePrefix, submissionDeadline, reviewDeadline, reviewsPerApplication, winnersPerCategory, chairUserId,
                    timeZone, categories, rubric, allowedOrganisationTypes, embargoUntil, shortlistPerCategory, sameCountryConflict,
                    summaryWords, descriptionWords, null, null);
        }

        public CallRequest(String callName, String theme, String codePrefix, OffsetDateTime submissionDeadline,
                OffsetDateTime reviewDeadline, Integer reviewsPerApplication, Integer winnersPerCategory, String chairUserId) {
            this(callName, theme, codePrefix, submissionDeadline, reviewDeadline, reviewsPerApplication, winnersPerCategory, chairUserId,
                    null, null, null, null, null, null, null);
        }

        public CallRequest(String callName, String theme, String codePrefix, OffsetDateTime submissionDeadline,
                OffsetDateTime reviewDeadline, Integer reviewsPerApplication, Integer winnersPerCategory, String chairUserId,
                String timeZone, List<Category> categories, Map<String, BigDecimal> rubric, List<String> allowedOrganisationTypes,
                OffsetDateTime embargoUntil, Integer shortlistPerCategory, Boolean sameCountryConflict) {
            this(callName, theme, codePrefix, submissionDeadline, reviewDeadline, reviewsPerApplication, winnersPerCategory, chairUserId,
                    timeZone, categories, rubric, allowedOrganisationTypes, embargoUntil, shortlistPerCategory, sameCountryConflict, null,
                    null);
        }
    }

    /** Starts the cycle; returns the new call's id. Invalid settings throw a ValidationException and start nothing. */
    @Transactional
    public long open(CallRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AwardCycleProcess.CALL_NAME, request.callName());
        variables.put(AwardCycleProcess.THEME, request.theme());
        variables.put(AwardCycleProcess.CODE_PREFIX, request.codePrefix());
        variables.put(AwardCycleProcess.SUBMISSION_DEADLINE,
                request.submissionDeadline() == null ? null : request.submissionDeadline().toString());
        variables.put(AwardCycleProcess.REVIEW_DEADLINE, request.reviewDeadline() == null ? null : request.reviewDeadline().toString());
        variables.put(AwardCycleProcess.REVIEWS_PER_APPLICATION, request.reviewsPerApplication());
        variables.put(AwardCycleProcess.WINNERS_PER_CATEGORY, request.winnersPerCategory());
        variables.put(AwardCycleProcess.SHORTLIST_PER_CATEGORY, request.shortlistPerCategory());
        variables.put(AwardCycleProcess.SAME_COUNTRY_CONFLICT, request.sameCountryConflict());
        variables.put(AwardCycleProcess.SUMMARY_WORDS, request.summaryWords());
        variables.put(AwardCycleProcess.DESCRIPTION_WORDS, request.descriptionWords());
        variables.put(AwardCycleProcess.CHAIR_USER_ID, request.chairUserId());
        variables.put(AwardCycleProcess.TIME_ZONE, request.timeZone());
        variables.put(AwardCycleProcess.EMBARGO_UNTIL, request.embargoUntil() == null ? null : request.embargoUntil().toString());
        if (request.categories() != null) {
            variables.put(AwardCycleProcess.CATEGORIES, SpinValues.jsonValue(Spin.JSON(request.categories())).create());
        }
        if (request.rubric() != null) {
            variables.put(AwardCycleProcess.RUBRIC, SpinValues.jsonValue(Spin.JSON(request.rubric())).create());
        }
        if (request.allowedOrganisationTypes() != null) {
            variables.put(AwardCycleProcess.ALLOWED_ORGANISATION_TYPES,
                    SpinValues.jsonValue(Spin.JSON(request.allowedOrganisationTypes())).create());
        }
        if (request.languages() != null) {
            variables.put(AwardCycleProcess.LANGUAGES, SpinValues.jsonValue(Spin.JSON(request.languages())).create());
        }
        if (request.translations() != null) {
            variables.put(AwardCycleProcess.TRANSLATIONS, SpinValues.jsonValue(Spin.JSON(request.translations())).create());
        }
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(AwardCycleProcess.KEY, variables);
        } catch (TaskInputException e) {
            throw new ValidationException(e.errors());
        }
        return ((Number) runtimeService.getVariable(instance.getId(), AwardCycleProcess.CALL_ID)).longValue();
    }

    /** Stores a call whose settings passed {@link CallSettings}, with its categories and rubric; returns its id. */
    @Transactional
    long register(CallSettings.NewCall call, String processInstanceId) {
        long callId = calls.insert(call.name(), call.theme(), call.codePrefix(), call.submissionDeadline(), call.reviewDeadline(),
                call.reviewsPerApplication(), call.winnersPerCategory(), call.shortlistPerCategory(), call.chairUserId(), call.timeZone(),
                call.allowedTypes(), call.embargoUntil(), call.sameCountryConflict(), call.summaryWords(), call.descriptionWords(),
                processInstanceId);
        call.categories().forEach(category -> calls.insertCategory(callId, category));
        calls.saveLanguages(callId, call.languages());
        call.translations().forEach((language, texts) -> calls.saveTexts(callId, language, texts));
        int position = 0;
        for (Map.Entry<String, BigDecimal> criterion : call.rubric().entrySet()) {
            calls.insertCriterion(callId, criterion.getKey(), Rubric.LABELS.get(criterion.getKey()), criterion.getValue(), position++);
        }
        return callId;
    }

    /**
     * Moves the submission deadline of an open call to a later moment; the cycle's deadline timer and the close task's
     * due date move with it.
     */
    @Transactional
    public AwardCall extendDeadline(long callId, OffsetDateTime deadline) {
        AwardCall call = calls.get(callId);
        FieldChecks checks = new FieldChecks();
        if (deadline == null) {
            checks.fail(AwardCycleProcess.SUBMISSION_DEADLINE, "is required");
        } else if (call.status() != CallStatus.OPEN) {
            checks.fail(AwardCycleProcess.SUBMISSION_DEADLINE,
                    "the call is " + call.status().name().toLowerCase() + "; only an open call can be extended");
        } else if (!deadline.isAfter(call.submissionDeadline())) {
            checks.fail(AwardCycleProcess.SUBMISSION_DEADLINE, "must be later than the current deadline, " + call.deadlineText());
        }
        checks.throwIfAny();
        calls.extendDeadline(callId, deadline);
        ProcessInstance cycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(callId))
                .processDefinitionKey(AwardCycleProcess.KEY).singleResult();
        Date due = ProcessVariables.date(deadline);
        runtimeService.setVariable(cycle.getId(), AwardCycleProcess.SUBMISSION_DUE, due);
        // The deadline's timer, and the one that closes the coordinators' "Invite judges" task with it.
        for (String event : List.of(AwardCycleProcess.EVENT_SUBMISSION_DEADLINE, AwardCycleProcess.EVENT_INVITATIONS_CLOSED)) {
            Job timer = managementService.createJobQuery().processInstanceId(cycle.getId()).activityId(event).singleResult();
            if (timer != null) {
                managementService.setJobDuedate(timer.getId(), due);
            }
        }
        Task close = taskService.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(AwardCycleProcess.TASK_CLOSE_CALL_EARLY).singleResult();
        if (close != null) {
            close.setDueDate(due);
            taskService.saveTask(close);
        }
        return calls.get(callId);
    }

    /** Sets the languages a call offers its applicants; English is always among them. */
    @Transactional
    public List<String> offerLanguages(long callId, List<String> languages) {
        FieldChecks checks = new FieldChecks();
        List<String> checked = CallLanguages.languages(checks, languages);
        checks.throwIfAny();
        calls.get(callId);
        calls.saveLanguages(callId, checked);
        return checked;
    }

    /** Replaces a call's texts in one of its languages; a text left out is shown in English. */
    @Transactional
    public Map<String, String> translate(long callId, String language, Map<String, String> texts) {
        AwardCall call = calls.get(callId);
        FieldChecks checks = new FieldChecks();
        Map<String, String> checked = CallLanguages.texts(checks, language, texts, call.languages(), calls.categories(callId));
        checks.throwIfAny();
        calls.saveTexts(callId, language, checked);
        return checked;
    }

    public static String businessKey(long callId) {
        return "call-" + callId;
    }
}
