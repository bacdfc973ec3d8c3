package org.awardeval.submission;

import java.util.Map;
import org.awardeval.call.CallRepository;
import org.awardeval.submission.SubmissionService.Submission;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.ValidationException;
import org.awardeval.web.ValidationException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SubmissionController {

    private final SubmissionService submissions;
    private final CsvImporter importer;
    private final CallRepository calls;

    private final ApplicationStatistics statistics;

    SubmissionController(SubmissionService submissions, CsvImporter importer, CallRepository calls, ApplicationStatistics statistics) {
        this.statistics = statistics;
        this.submissions = submissions;
        this.importer = importer;
        this.calls = calls;
    }

    /** 201 with the reference; 200 with the first reference when the same application was submitted before. */
    @PostMapping(path = "/api/calls/{callId}/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> submit(@PathVariable long callId, @RequestBody(required = false) ApplicationRequest request) {
        requireCall(callId);
        if (request == null) {
            throw new ValidationException(java.util.List.of(new FieldError("body", "is empty")));
        }
        Submission submission = submissions.submit(callId, request.toForm());
        return ResponseEntity.status(submission.alreadySubmitted() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Map.of("reference", submission.code(), "alreadySubmitted", submission.alreadySubmitted()));
    }

    /** A coordinator's CSV import: every row is accepted with its reference or rejected with its reasons. */
    @PostMapping(path = "/api/calls/{callId}/applications/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    public CsvImporter.Report importCsv(@PathVariable long callId, @RequestBody(required = false) byte[] body) {
        requireCall(callId);
        return importer.importCsv(callId, body == null ? new byte[0] : body);
    }

    private void requireCall(long callId) {
        if (calls.find(callId).isEmpty()) {
            throw new NotFoundException("There is no call with id " + callId);
        }
    }

    @GetMapping("/api/calls/{callId}/statistics")
    public ApplicationStatistics.Statistics statistics(@PathVariable long callId) {
        calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        return statistics.of(callId);
    }
}
