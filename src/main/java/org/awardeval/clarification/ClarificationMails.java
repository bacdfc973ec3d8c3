package org.awardeval.clarification;

import java.time.OffsetDateTime;
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
import org.awardeval.web.Languages;
import org.awardeval.web.Localized;
import org.awardeval.web.Messages;
import org.awardeval.web.Moments;
import org.awardeval.web.PublicLinks;
import org.springframework.stereotype.Component;

/** The applicant's e-mails about a question: the question itself and one reminder, each once whatever the retries. */
@Component
class ClarificationMails {

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final OutboxRepository outbox;
    private final MailTemplates templates;
    private final PublicLinks links;
    private final Messages messages;

    ClarificationMails(ApplicationRepository applications, CallRepository calls, OutboxRepository outbox, MailTemplates templates,
            PublicLinks links, Messages messages) {
        this.messages = messages;
        this.applications = applications;
        this.calls = calls;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
    }

    void asked(Clarification question) {
        send(question, "ASKED-", "clarification", "mail.clarification.subject");
    }

    void reminded(Clarification question) {
        send(question, "ASK-REMIND-", "clarification-reminder", "mail.reminder.subject");
    }

    /** The deadline as the applicant reads it, in their language: in the call's time zone, with the zone said. */
    static Localized due(Clarification question, AwardCall call) {
        return locale -> Moments.inZone(question.dueAt(), call.timeZone(), locale);
    }

    /** In the language the applicant applied in. */
    private void send(Clarification question, String kindPrefix, String template, String subject) {
        StoredApplication application = applications.get(question.applicationId());
        AwardCall call = calls.get(application.callId());
        Locale locale = Languages.locale(application.language());
        String callName = calls.texts(call.id(), application.language()).name().text();
        String link = links.to("/portal/applications/" + application.code());
        MailTemplates.Rendered mail = templates.render(template, Map.of("contactName", application.contactName(), "code", application.code(),
                "title", application.title(), "callName", callName, "question", question.question(),
                "due", due(question, call).in(locale), "link", link), locale);
        outbox.insertOnce(new Notification(call.id(), application.id(), application.code(), kindPrefix + question.id(),
                application.contactEmail(), messages.get(locale, subject, callName, application.code()), mail.text(), mail.html(),
                OffsetDateTime.now()));
    }
}
