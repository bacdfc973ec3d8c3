package org.awardeval.submission;

import java.time.OffsetDateTime;
import java.util.List;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.CallStatus;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An applicant changes their sent application's title, summary or description before the deadline. The text as it was
 * is kept as a version; the application's process makes the dossier again and the award office checks it again
 * ("Application changed" in application.bpmn), so judges read the last version sent before the deadline.
 */
@Service
public class ChangeService {

    private final ApplicationRepository applications;
    private final ApplicationLifecycle lifecycle;
    private final CallRepository calls;
    private final RuntimeService runtimeService;

    ChangeService(ApplicationRepository applications, ApplicationLifecycle lifecycle, CallRepository calls, RuntimeService runtimeService) {
        this.applications = applications;
        this.lifecycle = lifecycle;
        this.calls = calls;
        this.runtimeService = runtimeService;
    }

    /** Whether the application's texts may still be changed: its call is open and its deadline to come. */
    public boolean changeable(StoredApplication application) {
        AwardCall call = calls.get(application.callId());
        return call.status() == CallStatus.OPEN && OffsetDateTime.now().isBefore(call.submissionDeadline())
                && (application.status() == ApplicationStatus.READY || application.status() == ApplicationStatus.ELIGIBLE);
    }

    /** Changes the texts; returns false when nothing changed. Refused after the deadline, with the reason. */
    @Transactional
    public boolean change(long applicationId, String title, String summary, String description) {
        StoredApplication application = applications.get(applicationId);
        AwardCall call = calls.get(application.callId());
        // Under the call's lock, as the cycle checks that every application has settled.
        calls.lock(call.id());
        FieldChecks checks = new FieldChecks();
        String newTitle = checks.text(ApplicationProcess.TITLE, title, true, 300);
        String newSummary = checks.text(ApplicationProcess.SUMMARY, summary, true, 2000);
        String newDescription = checks.text(ApplicationProcess.DESCRIPTION, description, true, 20000);
        SubmissionService.words(checks, ApplicationProcess.SUMMARY, newSummary, call.summaryWords());
        SubmissionService.words(checks, ApplicationProcess.DESCRIPTION, newDescription, call.descriptionWords());
        if (call.status() != CallStatus.OPEN) {
            checks.fail("change", "is no longer possible: the call has closed", "changeClosed");
        } else if (!OffsetDateTime.now().isBefore(call.submissionDeadline())) {
            checks.fail("change", "is no longer possible: the deadline, " + call.deadlineText() + ", has passed", "changeDeadline",
                    call.deadline());
        }
        checks.throwIfAny();
        if (newTitle.equals(application.title()) && newSummary.equals(application.summary())
                && newDescription.equals(application.description())) {
            return false;
        }
        lifecycle.changed(applicationId);
        applications.keepVersion(applicationId, OffsetDateTime.now());
        applications.updateCase(applicationId, newTitle, newSummary, newDescription);
        try {
            runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_APPLICATION_CHANGED)
                    .processInstanceBusinessKey(application.code()).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            // Waiting for an answer to the office's question, say: the change would not be checked; nothing is kept.
            throw new ValidationException(List.of(new FieldError("change",
                    "is not possible at this moment: the award office is handling the application; please answer its question or try again later",
                    "changeBusy", List.of())));
        }
        return true;
    }
}
