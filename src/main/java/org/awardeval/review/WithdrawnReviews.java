package org.awardeval.review;

import java.time.OffsetDateTime;
import java.util.Map;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository.Notification;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.submission.ApplicationWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A withdrawn application's open reviews end with it (the engine cancels their instances): their assignments no longer
 * count, and each judge is told, once, that the review is not needed.
 */
@Component
class WithdrawnReviews {

    static final String KIND_PREFIX = "WITHDRAWN-";

    private final AssignmentRepository assignments;
    private final JudgeRepository judges;
    private final CallRepository calls;
    private final OutboxRepository outbox;
    private final MailTemplates templates;

    WithdrawnReviews(AssignmentRepository assignments, JudgeRepository judges, CallRepository calls, OutboxRepository outbox,
            MailTemplates templates) {
        this.assignments = assignments;
        this.judges = judges;
        this.calls = calls;
        this.outbox = outbox;
        this.templates = templates;
    }

    @EventListener
    void withdrawn(ApplicationWithdrawn event) {
        AwardCall call = calls.get(event.callId());
        for (AssignmentView assignment : assignments.withdraw(event.applicationId())) {
            String judgeName = judges.byUserId(assignment.judgeUserId()).map(j -> j.name()).orElse(assignment.judgeCode());
            MailTemplates.Rendered mail = templates.render("review-withdrawn", Map.of("judgeName", judgeName,
                    "code", assignment.applicationCode(), "callName", call.name()));
            outbox.insertOnce(new Notification(call.id(), assignment.applicationId(), assignment.applicationCode(),
                    KIND_PREFIX + assignment.id(), assignment.judgeEmail(),
                    call.name() + ": your review of " + assignment.applicationCode() + " is no longer needed", mail.text(), mail.html(),
                    OffsetDateTime.now()));
        }
    }
}
