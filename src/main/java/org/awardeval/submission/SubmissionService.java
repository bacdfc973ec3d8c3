package org.awardeval.submission;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallStatus;
import org.awardeval.call.Category;
import org.awardeval.call.OrganisationType;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.Languages;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One validation for every channel. A valid application is stored and its process started in one transaction, so a
 * rejected or failed submission leaves neither a row nor a process instance behind.
 */
@Service
public class SubmissionService {
    private static final Pattern CATEGORY_CODE = Pattern.compile("^[A-Z]{2}$");

    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;

    public SubmissionService(CallRepository calls, ApplicationRepository applications, RuntimeService runtimeService) {
        this.calls = calls;
        this.applications = applications;
        this.runtimeService = runtimeService;
    }

    /** @param alreadySubmitted true when the same application was submitted before: nothing new was created */
    public record Submission(long applicationId, String code, boolean alreadySubmitted) {
    }

    /**
     * Validates, stores and starts the application's process; returns its reference. Submitting the same application
     * again (same organisation, title and contact e-mail in the same call) returns the first reference and creates
     * nothing, so a retried request or a re-imported file never duplicates an application.
     */
    @Transactional
    public Submission submit(long callId, ApplicationForm form) {
        return submit(callId, form, Channel.API, stored -> Map.of());
    }

    /** As {@link #submit(long, ApplicationForm)}, from an applicant's own form: incomplete applications are refused. */
    @Transactional
    public Submission submitByApplicant(long callId, ApplicationForm form) {
        return submit(callId, form, Channel.APPLICANT, stored -> Map.of());
    }

    /**
     * As {@link #submit(long, ApplicationForm)} or, {@code byApplicant}, as {@link #submitByApplicant}, with what else
     * belongs to the application (its documents) kept by {@code beforeStart} after it is stored and before its process
     * starts; the variables it returns start the process too. Nothing is kept when it throws.
     */
    @Transactional
    public Submission submit(long callId, ApplicationForm form, boolean byApplicant,
            Function<StoredApplication, Map<String, Object>> beforeStart) {
        return submit(callId, form, byApplicant ? Channel.APPLICANT : Channel.API, beforeStart);
    }

    /**
     * Records an application the award received elsewhere (by e-mail, on paper), as the coordinator imports it: it
     * keeps its own submission time and the eligibility rules judge it, late or in a category the call does not have,
     * so that the statistics count what the award received. Refused only once the call's reviews are being assigned.
     */
    @Transactional
    public Submission record(long callId, ApplicationForm form) {
        return submit(callId, form, Channel.RECEIVED, stored -> Map.of());
    }

    /** Who sends: the API, an applicant on their own form, or the office recording what came another way. */
    private enum Channel { API, APPLICANT, RECEIVED }

    private Submission submit(long callId, ApplicationForm form, Channel channel,
            Function<StoredApplication, Map<String, Object>> beforeStart) {
        var existing = applications.findSame(callId, form.organisationName(), form.country(), form.title(), form.contactEmail());
        if (existing.isPresent()) {
            return new Submission(existing.get().id(), existing.get().code(), true);
        }
        StoredApplication stored = store(callId, form, channel);
        Map<String, Object> variables = new HashMap<>(identityVariables(stored));
        variables.putAll(beforeStart.apply(stored));
        runtimeService.createProcessInstanceByKey(ApplicationProcess.KEY)
                .businessKey(stored.code())
                .setVariables(variables)
                .execute();
        return new Submission(stored.id(), stored.code(), false);
    }

    /** Validates and stores an application whose process already runs (an application entered in Tasklist). */
    @Transactional
    public StoredApplication store(long callId, ApplicationForm form) {
        return store(callId, form, Channel.API);
    }

    private StoredApplication store(long callId, ApplicationForm form, Channel channel) {
        FieldChecks checks = new FieldChecks();
        if (channel == Channel.APPLICANT) {
            ApplicantFields.requireComplete(form, checks);
        }
        AwardCall call = calls.find(callId).orElse(null);
        if (call == null) {
            checks.fail(ApplicationProcess.CALL_ID, "there is no call with id " + callId);
            checks.throwIfAny();
        }
        String organisation = checks.name(ApplicationProcess.ORGANISATION_NAME, form.organisationName(), 300);
        String type = checks.text(ApplicationProcess.ORGANISATION_TYPE, form.organisationType(), true, 40);
        if (type != null && Arrays.stream(OrganisationType.values()).noneMatch(t -> t.name().equals(type))) {
            checks.fail(ApplicationProcess.ORGANISATION_TYPE, "'" + type + "' is not one of " + Arrays.toString(OrganisationType.values()),
                    "notAChoice");
        }
        String country = checks.name(ApplicationProcess.COUNTRY, form.country(), 100);
        String category = checks.text(ApplicationProcess.CATEGORY_CODE, form.categoryCode(), true, 2);
        if (category != null && !CATEGORY_CODE.matcher(category).matches()) {
            checks.fail(ApplicationProcess.CATEGORY_CODE, "must be a category code of two capital letters, was '" + category + "'",
                    "notAChoice");
        } else if (category != null && channel != Channel.RECEIVED) {
            List<String> codes = calls.categories(callId).stream().map(Category::code).toList();
            if (!codes.contains(category)) {
                checks.fail(ApplicationProcess.CATEGORY_CODE,
                        "'" + category + "' is not a category of this call; the categories are " + codes, "notAChoice");
            }
        }
        String contactName = checks.name(ApplicationProcess.CONTACT_NAME, form.contactName(), 200);
        String contactEmail = checks.email(ApplicationProcess.CONTACT_EMAIL, form.contactEmail());
        String title = checks.text(ApplicationProcess.TITLE, form.title(), true, 300);
        String summary = checks.text(ApplicationProcess.SUMMARY, form.summary(), false, 2000);
        String description = checks.text(ApplicationProcess.DESCRIPTION, form.description(), false, 20000);
        if (channel != Channel.RECEIVED) {
            words(checks, ApplicationProcess.SUMMARY, summary, call.summaryWords());
            words(checks, ApplicationProcess.DESCRIPTION, description, call.descriptionWords());
        }
        Integer educators = checks.range(ApplicationProcess.EDUCATORS_REACHED, form.educatorsReached(), false, 0, 100_000_000);
        String outcomes = checks.text(ApplicationProcess.OUTCOMES, form.outcomes(), false, 2000);
        String partners = checks.text(ApplicationProcess.PARTNERS, form.partners(), false, 1000);
        Map<String, String> extra = form.extraFacts() == null ? Map.of() : form.extraFacts();
        extra.forEach((key, value) -> checks.text("extraFacts." + key, value, false, 1000));
        if (extra.size() > 30) {
            checks.fail("extraFacts", "at most 30 further facts are kept, got " + extra.size());
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime submittedAt = form.submittedAt() == null ? now : form.submittedAt();
        if (submittedAt.isAfter(now.plusMinutes(5))) {
            checks.fail("submittedAt", "lies in the future: " + submittedAt);
        }
        if (channel == Channel.RECEIVED) {
            // Under the call's lock, as the cycle checks that every application has settled: counted there, or refused.
            calls.lock(callId);
            if (call.status() == CallStatus.ANNOUNCED || calls.applicationsSettled(callId)) {
                checks.fail(ApplicationProcess.CALL_ID, "the reviews of '" + call.name() + "' have been assigned: it takes no more"
                        + " applications, not even those received before its deadline");
            }
        } else if (call.status() != CallStatus.OPEN) {
            checks.fail(ApplicationProcess.CALL_ID,
                    "the call '" + call.name() + "' is closed and takes no more applications (submission deadline "
                    + call.deadlineText() + ")", "callClosed", call.deadline());
        } else if (now.isAfter(call.submissionDeadline())) {
            checks.fail("submittedAt", "the submission deadline of '" + call.name() + "' was " + call.deadlineText(), "deadlinePassed",
                    call.deadline());
        }
        checks.throwIfAny();

        ApplicationForm clean = new ApplicationForm(organisation, type, country, category, contactName, contactEmail, title,
                summary, description, educators, outcomes, partners, form.consent(), submittedAt, extra);
        long organisationId = applications.organisationId(organisation, type, country);
        // An applicant writes in the language of their request (one the call offers); e-mails about the application follow it.
        String language = channel == Channel.APPLICANT && call.offers(Languages.code(LocaleContextHolder.getLocale()))
                ? Languages.code(LocaleContextHolder.getLocale()) : Languages.ENGLISH;
        long id = applications.insert(clean, callId, organisationId, call.codePrefix(), submittedAt, language);
        return applications.get(id);
    }

    /**
     * Changes the summary and description of an application whose dossier is not released yet (an answer to a
     * coordinator's question), checked as on submission; returns whether anything changed.
     */
    @Transactional
    public boolean reviseTexts(long applicationId, String summary, String description) {
        StoredApplication application = applications.get(applicationId);
        FieldChecks checks = new FieldChecks();
        String newSummary = checks.text(ApplicationProcess.SUMMARY, summary, true, 2000);
        String newDescription = checks.text(ApplicationProcess.DESCRIPTION, description, true, 20000);
        AwardCall call = calls.get(application.callId());
        words(checks, ApplicationProcess.SUMMARY, newSummary, call.summaryWords());
        words(checks, ApplicationProcess.DESCRIPTION, newDescription, call.descriptionWords());
        if (application.status() != ApplicationStatus.SUBMITTED && application.status() != ApplicationStatus.ELIGIBLE) {
            checks.fail(ApplicationProcess.DESCRIPTION, "can no longer be changed: the dossier has been released to the judges",
                    "released");
        }
        checks.throwIfAny();
        if (newSummary.equals(application.summary()) && newDescription.equals(application.description())) {
            return false;
        }
        applications.updateTexts(applicationId, newSummary, newDescription);
        return true;
    }

    /**
     * A text's length as applicants count it: in words, whatever the characters; a Chinese or Japanese character, written
     * without spaces between words, counts as one.
     */
    static int wordCount(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        long ideographs = text.codePoints().filter(SubmissionService::ideograph).count();
        String rest = IDEOGRAPHS.matcher(text).replaceAll(" ").strip();
        return (int) ideographs + (rest.isEmpty() ? 0 : rest.split("\\s+").length);
    }

    private static final Pattern IDEOGRAPHS = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF00-\\uFFEF]");

    private static boolean ideograph(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** Fails the field when its text is longer than the call's limit in words. */
    public static void words(FieldChecks checks, String field, String text, int most) {
        int count = wordCount(text);
        if (count > most) {
            checks.fail(field, String.format(Locale.ENGLISH, "has %,d words; at most %,d are allowed", count, most), "tooManyWords",
                    count, most);
        }
    }

    /** The facts the application's process and its coordinator tasks show; they never reach a review instance. */
    public static Map<String, Object> identityVariables(StoredApplication application) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ApplicationProcess.APPLICATION_ID, application.id());
        variables.put(ApplicationProcess.CALL_ID, application.callId());
        variables.put(ApplicationProcess.APPLICATION_CODE, application.code());
        variables.put(ApplicationProcess.APPLICATION_TITLE, application.title());
        variables.put(ApplicationProcess.ORGANISATION_NAME, application.organisationName());
        variables.put(ApplicationProcess.ORGANISATION_TYPE, application.organisationType());
        variables.put(ApplicationProcess.COUNTRY, application.country());
        variables.put(ApplicationProcess.CATEGORY_CODE, application.categoryCode());
        variables.put(ApplicationProcess.CONTACT_NAME, application.contactName());
        variables.put(ApplicationProcess.CONTACT_EMAIL, application.contactEmail());
        return variables;
    }
}
