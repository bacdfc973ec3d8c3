package org.awardeval.review;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.mail.OutboxRepository.Notification;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts a reminder to the judge into the outbox, once per assignment whatever the retries. */
@Component
class RemindJudgeDelegate implements JavaDelegate {

    static final String KIND_PREFIX = "REMIND-";
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final AssignmentRepository assignments;
    private final JudgeRepository judges;
    private final CallRepository calls;
    private final OutboxRepository notifications;
    private final MailTemplates templates;

    RemindJudgeDelegate(AssignmentRepository assignments, JudgeRepository judges, CallRepository calls,
            OutboxRepository notifications, MailTemplates templates) {
        this.assignments = assignments;
        this.judges = judges;
        this.calls = calls;
        this.notifications = notifications;
        this.templates = templates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssignmentView assignment = assignments.openOfReview(execution.getProcessInstanceId()).orElse(null);
        if (assignment == null) {
            return; // reviewed or handed over meanwhile
        }
        AwardCall call = calls.get(assignment.callId());
        String judgeName = judges.byUserId(assignment.judgeUserId()).map(j -> j.name()).orElse(assignment.judgeCode());
        String due = READABLE.format(assignment.dueAt().atZoneSameInstant(ZoneId.of(call.timeZone()))) + " " + call.timeZone();
        MailTemplates.Rendered mail = templates.render("reminder", Map.of("judgeName", judgeName, "code", assignment.applicationCode(),
                "callName", call.name(), "due", due));
        notifications.insertOnce(new Notification(call.id(), assignment.applicationId(), assignment.applicationCode(),
                KIND_PREFIX + assignment.id(), assignment.judgeEmail(),
                call.name() + ": your review of " + assignment.applicationCode() + " is due on " + due, mail.text(), mail.html(),
                OffsetDateTime.now()));
    }
}
