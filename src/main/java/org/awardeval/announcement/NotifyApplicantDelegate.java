package org.awardeval.announcement;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.awardeval.announcement.NotificationRepository.Notification;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.review.ReviewRepository;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.system.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the applicant's e-mail into the outbox: ineligibility with its reason, or the result with the judges'
 * anonymous feedback, not before the call's embargo. One per application and kind, whatever the retries; the
 * {@link MailOutbox} sends it.
 */
@Component
public class NotifyApplicantDelegate implements JavaDelegate {

    public static final String INELIGIBLE = "INELIGIBLE";
    public static final String RESULT = "RESULT";

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final ReviewRepository reviews;
    private final NotificationRepository notifications;
    private final MailTemplates templates;

    public NotifyApplicantDelegate(ApplicationRepository applications, CallRepository calls, ReviewRepository reviews,
            NotificationRepository notifications, MailTemplates templates) {
        this.applications = applications;
        this.calls = calls;
        this.reviews = reviews;
        this.notifications = notifications;
        this.templates = templates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StoredApplication application = applications.get(Vars.requiredLong(execution, Vars.APPLICATION_ID));
        AwardCall call = calls.get(application.callId());
        String kind = Vars.requiredString(execution, Vars.NOTIFICATION_KIND);
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", application.contactName());
        model.put("code", application.code());
        model.put("title", application.title());
        model.put("callName", call.name());
        String subject;
        OffsetDateTime notBefore = OffsetDateTime.now();
        MailTemplates.Rendered mail;
        switch (kind) {
            case INELIGIBLE -> {
                model.put("reason", application.eligibilityReason());
                subject = call.name() + ": your application " + application.code() + " is not eligible";
                mail = templates.render("ineligible", model);
            }
            case RESULT -> {
                boolean awarded = application.status() == ApplicationStatus.AWARDED;
                model.put("awarded", awarded);
                // Judges are named by their code only.
                model.put("feedback", reviews.byApplication(application.id()).stream().map(r -> r.judgeCode() + ": " + r.feedback())
                        .toList());
                subject = call.name() + ": " + (awarded ? "your case has been selected" : "the result of your application");
                mail = templates.render("result", model);
                if (call.embargoUntil() != null && call.embargoUntil().isAfter(notBefore)) {
                    notBefore = call.embargoUntil();
                }
            }
            default -> throw new IllegalStateException("Unknown notification kind '" + kind + "'");
        }
        notifications.insertOnce(new Notification(application.id(), kind, application.contactEmail(), subject, mail.text(),
                mail.html(), notBefore));
    }
}
