package org.awardeval.clarification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.awardeval.call.CallRepository;
import org.awardeval.clarification.ClarificationRepository.Clarification;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.submission.SubmissionService;
import org.awardeval.web.FieldChecks;
import org.awardeval.web.Localized;
import org.awardeval.web.Moments;
import org.awardeval.web.ValidationException.FieldError;
import org.awardeval.web.ValidationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant's side of a question: what is asked, and their answer, which gives the check back to the coordinators. */
@Service
public class ClarificationService {

    public static final String ANSWER = "answer";

    /** A question waiting for the applicant's answer, as the portal shows it. */
    public record OpenQuestion(String question, Localized due) {
    }

    private final ClarificationRepository clarifications;
    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final SubmissionService submissions;
    private final RuntimeService runtimeService;

    ClarificationService(ClarificationRepository clarifications, ApplicationRepository applications, CallRepository calls,
            SubmissionService submissions, RuntimeService runtimeService) {
        this.clarifications = clarifications;
        this.applications = applications;
        this.calls = calls;
        this.submissions = submissions;
        this.runtimeService = runtimeService;
    }

    public Optional<OpenQuestion> open(long applicationId) {
        return clarifications.open(applicationId).map(c -> new OpenQuestion(c.question(),
                ClarificationMails.due(c, calls.get(applications.get(applicationId).callId()))));
    }

    /**
     * Records the applicant's answer and, where they changed them, the summary and description (checked as on
     * submission; the dossier is made from them after the check). Refused when no question is open.
     */
    @Transactional
    public void answer(long applicationId, String answer, String summary, String description) {
        Clarification question = clarifications.open(applicationId).orElseThrow(() -> new ValidationException(List.of(
                new FieldError(ANSWER, "cannot be sent: there is no open question (it may have expired)", "noQuestion", List.of()))));
        FieldChecks checks = new FieldChecks();
        String text = checks.text(ANSWER, answer, true, 4000);
        checks.throwIfAny();
        StoredApplication application = applications.get(applicationId);
        boolean changed = submissions.reviseTexts(applicationId, summary == null ? application.summary() : summary,
                description == null ? application.description() : description);
        OffsetDateTime now = OffsetDateTime.now();
        if (!clarifications.answer(question.id(), text, now)) {
            throw new ValidationException(List.of(new FieldError(ANSWER, "cannot be sent: the question has just expired", "questionExpired", List.of())));
        }
        runtimeService.createMessageCorrelation(ApplicationProcess.MESSAGE_CLARIFICATION_ANSWERED)
                .processInstanceBusinessKey(application.code())
                .setVariable(ApplicationProcess.CLARIFICATION_NOTE, "The applicant answered on "
                        + Moments.inZone(now, "UTC", Locale.ENGLISH) + ": " + text
                        + (changed ? " They also changed the summary or the description." : ""))
                .correlate();
    }

    /** The question has expired; returns the note the coordinators read. */
    String expire(long applicationId) {
        Optional<Clarification> question = clarifications.open(applicationId);
        clarifications.expire(applicationId);
        return question.map(q -> "No answer came by the deadline, " + ClarificationMails.due(q, calls.get(applications.get(applicationId)
                .callId())) + ". Decide without it.").orElse("No answer came by the deadline. Decide without it.");
    }
}
