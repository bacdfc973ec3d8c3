package org.awardeval.call;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.call.CallService.CallRequest;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallController {

    private final CallService callService;
    private final CallRepository calls;

    CallController(CallService callService, CallRepository calls) {
        this.callService = callService;
        this.calls = calls;
    }

    /** Opens a call (coordinators); the same validation as the Tasklist start form. */
    @PostMapping("/api/calls")
    public ResponseEntity<Map<String, Object>> open(@RequestBody(required = false) CallRequest request) {
        if (request == null) {
            throw new ValidationException(List.of(new FieldError("body", "is empty")));
        }
        long callId = callService.open(request);
        return ResponseEntity.created(URI.create("/api/calls/" + callId)).body(describe(calls.get(callId)));
    }

    /** What applicants may know of a call: public. */
    @GetMapping("/api/calls/{callId}")
    public Map<String, Object> get(@PathVariable long callId) {
        return describe(call(callId));
    }

    public record DeadlineChange(OffsetDateTime submissionDeadline) {
    }

    @PostMapping("/api/calls/{callId}/deadline")
    public Map<String, Object> extend(@PathVariable long callId, @RequestBody(required = false) DeadlineChange change) {
        call(callId);
        return describe(callService.extendDeadline(callId, change == null ? null : change.submissionDeadline()));
    }

    public record LanguagesChange(List<String> languages) {
    }

    /** The languages the call offers applicants (coordinators); English is always among them. */
    @PutMapping("/api/calls/{callId}/languages")
    public Map<String, Object> languages(@PathVariable long callId, @RequestBody(required = false) LanguagesChange change) {
        call(callId);
        callService.offerLanguages(callId, change == null ? null : change.languages());
        return describe(calls.get(callId));
    }

    /** The call's name, theme and categories in one of its languages (coordinators): {"name": …, "category.MC.name": …}. */
    @PutMapping("/api/calls/{callId}/translations/{language}")
    public Map<String, Object> translate(@PathVariable long callId, @PathVariable String language,
            @RequestBody(required = false) Map<String, String> texts) {
        call(callId);
        callService.translate(callId, language, texts);
        return describe(calls.get(callId));
    }

    private AwardCall call(long callId) {
        return calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
    }

    private Map<String, Object> describe(AwardCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callId", call.id());
        body.put("name", call.name());
        body.put("theme", call.theme());
        body.put("status", call.status());
        body.put("submissionDeadline", call.submissionDeadline());
        body.put("submissionDeadlineText", call.deadlineText());
        body.put("timeZone", call.timeZone());
        body.put("categories", calls.categories(call.id()));
        body.put("allowedOrganisationTypes", call.allowedOrganisationTypes());
        body.put("languages", call.languages());
        body.put("translations", calls.translations(call.id()));
        return body;
    }
}
