package org.awardeval.clarification;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.clarification.ClarificationRepository.Clarification;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository.Notification;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.PublicLinks;
import org.springframework.stereotype.Component;

/** The applicant's e-mails about a question: the question itself and one reminder, each once whatever the retries. */
@Component
class ClarificationMails {

    static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final PublicLinks links;

    ClarificationMails(ApplicationRepository applications, CallRepository calls, OutboxRepository outbox, MailTemplates templates,
            PublicLinks links) {
        this.applications = applications;
        this.calls = calls;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
    }

    void asked(Clarification question) {
        send(question, "ASKED-", "clarification", ": a question about your application ");
    }

    void reminded(Clarification question) {
        send(question, "ASK-REMIND-", "clarification-reminder", ": please answer the question about your application ");
    }

    /** The deadline as the applicant reads it: in the call's time zone, with the zone named. */
    static String due(Clarification question, AwardCall call) {
        return call.inCallTime(question.dueAt());
    }

    private void send(Clarification question, String kindPrefix, String template, String subject) {
        StoredApplication application = applications.get(question.applicationId());
        AwardCall call = calls.get(application.callId());
        String link = links.to("/portal/applications/" + application.code());
        MailTemplates.Rendered mail = templates.render(template, Map.of("contactName", application.contactName(), "code", application.code(),
                "title", application.title(), "callName", call.name(), "question", question.question(), "due", due(question, call),
                "link", link));
        outbox.insertOnce(new Notification(call.id(), application.id(), application.code(), kindPrefix + question.id(),
                application.contactEmail(), call.name() + subject + application.code(), mail.text(), mail.html(), OffsetDateTime.now()));
    }
}
