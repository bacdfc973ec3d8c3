package org.awardeval.announcement;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository.Notification;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.process.ApplicationProcess;
import org.awardeval.process.ProcessVariables;
import org.awardeval.review.ReviewRepository;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.web.Languages;
import org.awardeval.web.Messages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the applicant's e-mail into the outbox: ineligibility with its reason, or the result with the judges'
 * anonymous feedback, not before the call's embargo. One per application and kind, whatever the retries; the
 * {@link MailOutbox} sends it.
 */
@Component
class NotifyApplicantDelegate implements JavaDelegate {

    public static final String INELIGIBLE = "INELIGIBLE";
    public static final String RESULT = "RESULT";
    public static final String WITHDRAWN = "WITHDRAWN";

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final ReviewRepository reviews;
    private final OutboxRepository notifications;
    private final MailTemplates templates;
    private final Messages messages;

    NotifyApplicantDelegate(ApplicationRepository applications, CallRepository calls, ReviewRepository reviews,
            OutboxRepository notifications, MailTemplates templates, Messages messages) {
        this.messages = messages;
        this.applications = applications;
        this.calls = calls;
        this.reviews = reviews;
        this.notifications = notifications;
        this.templates = templates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StoredApplication application = applications.get(ApplicationProcess.applicationId(execution));
        AwardCall call = calls.get(application.callId());
        String kind = ProcessVariables.requiredString(execution, ApplicationProcess.NOTIFICATION_KIND);
        // In the language the applicant applied in, the call's name as translated into it.
        Locale locale = Languages.locale(application.language());
        String callName = calls.texts(call.id(), application.language()).name().text();
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", application.contactName());
        model.put("code", application.code());
        model.put("title", application.title());
        model.put("callName", callName);
        String subject;
        OffsetDateTime notBefore = OffsetDateTime.now();
        MailTemplates.Rendered mail;
        switch (kind) {
            case INELIGIBLE -> {
                model.put("reason", application.eligibilityReason());
                subject = messages.get(locale, "mail.ineligible.subject", callName, application.code());
                mail = templates.render("ineligible", model, locale);
            }
            case RESULT -> {
                boolean awarded = application.status() == ApplicationStatus.AWARDED;
                model.put("awarded", awarded);
                // Judges are named by their code only.
                model.put("feedback", reviews.byApplication(application.id()).stream().map(r -> r.judgeCode() + ": " + r.feedback())
                        .toList());
                subject = messages.get(locale, awarded ? "mail.result.subjectAwarded" : "mail.result.subject", callName);
                mail = templates.render("result", model, locale);
                if (call.embargoUntil() != null && call.embargoUntil().isAfter(notBefore)) {
                    notBefore = call.embargoUntil();
                }
            }
            case WITHDRAWN -> {
                model.put("reason", application.withdrawalReason());
                subject = messages.get(locale, "mail.withdrawn.subject", callName, application.code());
                mail = templates.render("withdrawn", model, locale);
            }
            default -> throw new IllegalStateException("Unknown notification kind '" + kind + "'");
        }
        notifications.insertOnce(new Notification(call.id(), application.id(), application.code(), kind,
                application.contactEmail(), subject, mail.text(),
                mail.html(), notBefore));
    }
}
