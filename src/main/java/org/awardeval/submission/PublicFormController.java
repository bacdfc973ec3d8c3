package org.awardeval.submission;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallStatus;
import org.awardeval.call.CallTextsInLanguage;
import org.awardeval.call.OrganisationType;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.web.Languages;
import org.awardeval.web.Messages;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The public application form of a call: no login, in the applicant's language among the call's, checked on the server,
 * errors shown next to their fields.
 */
@Controller
class PublicFormController {

    private final CallRepository calls;
    private final SubmissionService submissions;
    private final Clock clock;
    private final RequiredDocuments documents;
    private final Messages messages;
    private final CallTextsInLanguage callTexts;

    PublicFormController(CallRepository calls, SubmissionService submissions, ObjectProvider<Clock> clock, RequiredDocuments documents,
            Messages messages, CallTextsInLanguage callTexts) {
        this.callTexts = callTexts;
        this.documents = documents;
        this.calls = calls;
        this.submissions = submissions;
        this.messages = messages;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @GetMapping("/calls/{callId}/apply")
    public String form(@PathVariable long callId, Model model) {
        prepare(callId, model, Map.of(), Map.of());
        return "apply";
    }

    @PostMapping("/calls/{callId}/apply")
    public String submit(@PathVariable long callId, @RequestParam Map<String, String> fields, Model model) {
        // Offered before the submission, which stores the language the applicant wrote in.
        Languages.offer(call(callId).languages());
        Integer educators = null;
        List<FieldError> problems = new ArrayList<>();
        try {
            educators = ApplicantFields.wholeNumber(fields.get("educatorsReached"));
        } catch (NumberFormatException e) {
            problems.add(ApplicantFields.notAWholeNumber());
        }
        ApplicationForm form = new ApplicationForm(fields.get("organisationName"), fields.get("organisationType"), fields.get("country"),
                fields.get("categoryCode"), fields.get("contactName"), fields.get("contactEmail"), fields.get("title"),
                fields.get("summary"), fields.get("description"), educators, fields.get("outcomes"), fields.get("partners"),
                "on".equals(fields.get("consent")) || "true".equals(fields.get("consent")), null, null);
        List<String> needed = documents.labels(callId);
        if (!needed.isEmpty()) {
            // A call that requires documents is applied to in the portal, where they are uploaded and checked.
            problems.add(new FieldError(DOCUMENTS, "are needed (" + String.join(", ", needed) + "): apply in the applicants' portal, "
                    + "where you can upload them", "documentsInPortal", List.of(String.join(", ", needed))));
        }
        if (problems.isEmpty()) {
            try {
                Submission submission = submissions.submitByApplicant(callId, form);
                return "redirect:/calls/" + callId + "/apply/done?reference=" + submission.code();
            } catch (ValidationException e) {
                problems.addAll(e.errors());
            }
        }
        prepare(callId, model, fields, ApplicantFields.inFormOrder(messages.errors(new ValidationException(problems))));
        return "apply";
    }

    @GetMapping("/calls/{callId}/apply/done")
    public String done(@PathVariable long callId, @RequestParam String reference, Model model) {
        AwardCall call = call(callId);
        callTexts.showOn(call, model);
        model.addAttribute("call", call);
        model.addAttribute("languageQuery", "?reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&");
        model.addAttribute("reference", reference);
        return "applied";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }

    private void prepare(long callId, Model model, Map<String, String> fields, Map<String, String> errors) {
        AwardCall call = call(callId);
        callTexts.showOn(call, model);
        model.addAttribute("call", call);
        model.addAttribute("open", call.status() == CallStatus.OPEN);
        model.addAttribute("resultsPublic", call.resultsPublic(clock.instant()));
        model.addAttribute("organisationTypes", Arrays.stream(OrganisationType.values())
                .filter(type -> call.allowedOrganisationTypes().contains(type.name())).toList());
        model.addAttribute("fields", fields);
        model.addAttribute("errors", errors);
        model.addAttribute("documentsNeeded", documents.labels(callId));
    }

    static final String DOCUMENTS = "documents";

    private AwardCall call(long callId) {
        return calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
    }
}
