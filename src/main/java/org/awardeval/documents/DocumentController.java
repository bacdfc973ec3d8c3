package org.awardeval.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awardeval.call.CallRepository;
import org.awardeval.documents.Documents.Checked;
import org.awardeval.documents.Documents.Upload;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationRequest;
import org.awardeval.submission.StoredApplication;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The documents over the API: the slots of a call (anyone reads them, coordinators set them), an application sent
 * with its documents as multipart, and the documents of an application with what their check found, for coordinators.
 */
@RestController
class DocumentController {

    /** The multipart part that carries the application's fields as JSON. */
    static final String APPLICATION_PART = "application";

    private final Documents documents;
    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final ObjectMapper json;

    DocumentController(Documents documents, CallRepository calls, ApplicationRepository applications, ObjectMapper json) {
        this.documents = documents;
        this.calls = calls;
        this.applications = applications;
        this.json = json;
    }

    @GetMapping("/api/calls/{callId}/document-slots")
    List<DocumentSlot> slots(@PathVariable long callId) {
        requireCall(callId);
        return documents.slots(callId);
    }

    @PutMapping(path = "/api/calls/{callId}/document-slots", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<DocumentSlot> defineSlots(@PathVariable long callId, @RequestBody(required = false) List<DocumentSlot> slots) {
        requireCall(callId);
        documents.defineSlots(callId, slots == null ? List.of() : slots);
        return documents.slots(callId);
    }

    /**
     * An application with its documents: the part "application" holds the fields as JSON, each further part is named by
     * a slot's code and holds a file, or the text of a link. Everything is checked first; nothing is kept when any
     * part is refused. 201 with the reference and what the identity check found in each document.
     */
    @PostMapping(path = "/api/calls/{callId}/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> submit(@PathVariable long callId, MultipartHttpServletRequest request) {
        requireCall(callId);
        ApplicationRequest application = application(request);
        List<Upload> uploads = new ArrayList<>();
        for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
            if (part.getKey().equals(APPLICATION_PART)) {
                continue;
            }
            for (MultipartFile file : part.getValue()) {
                uploads.add(new Upload(part.getKey(), file.getOriginalFilename(), bytes(file)));
            }
        }
        Map<String, String> links = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(APPLICATION_PART) && values.length > 0) {
                links.put(name, values[0]);
            }
        });
        Documents.Sent sent = documents.submit(callId, application.toForm(), uploads, links);
        Submission submission = sent.submission();
        List<Checked> kept = sent.documents();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", submission.code());
        body.put("alreadySubmitted", submission.alreadySubmitted());
        body.put("documents", kept.stream().map(DocumentController::describe).toList());
        return ResponseEntity.status(submission.alreadySubmitted() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    @GetMapping("/api/applications/{applicationId}/documents")
    List<Map<String, Object>> ofApplication(@PathVariable long applicationId) {
        StoredApplication application = applications.find(applicationId)
                .orElseThrow(() -> new NotFoundException("There is no application with id " + applicationId));
        return documents.ofApplication(application.callId(), applicationId).stream().map(DocumentController::describe).toList();
    }

    static Map<String, Object> describe(Checked c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.document().id());
        view.put("slot", c.slot().code());
        view.put("name", c.shownName());
        view.put("type", c.facts());
        view.put("status", c.document().status().name());
        view.put("sha256", c.document().sha256());
        view.put("namesApplicant", c.namesApplicant());
        view.put("findings", c.findings().stream().map(Finding::describe).toList());
        return view;
    }

    private ApplicationRequest application(MultipartHttpServletRequest request) {
        try {
            MultipartFile part = request.getFile(APPLICATION_PART);
            String text = part != null ? new String(part.getBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    : request.getParameter(APPLICATION_PART);
            if (text == null || text.isBlank()) {
                throw new ValidationException(List.of(new FieldError(APPLICATION_PART,
                        "is missing: send the application's fields as JSON in a part named 'application'")));
            }
            return json.readValue(text, ApplicationRequest.class);
        } catch (IOException e) {
            throw new ValidationException(List.of(new FieldError(APPLICATION_PART, "is not a JSON object in UTF-8")));
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new ValidationException(List.of(new FieldError(file.getName(), "could not be read completely; send it again")));
        }
    }

    private void requireCall(long callId) {
        if (calls.find(callId).isEmpty()) {
            throw new NotFoundException("There is no call with id " + callId);
        }
    }
}
