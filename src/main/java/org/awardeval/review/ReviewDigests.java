package org.awardeval.review;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.JudgeRepository;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.call.Category;
import org.awardeval.mail.MailTemplates;
import org.awardeval.mail.OutboxRepository.PersonalMail;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.web.Moments;
import org.springframework.stereotype.Component;

/**
 * One e-mail per judge for all their open reviews of a call: a reminder before the deadline, a notice of what is
 * overdue after it. Each is stored once per call and judge, whatever the retries.
 */
@Component
class ReviewDigests {

    record Line(String code, String category, String due) {
    }

    private final AssignmentRepository assignments;
    private final JudgeRepository judges;
    private final CallRepository calls;
    private final OutboxRepository outbox;
    private final MailTemplates templates;

    ReviewDigests(AssignmentRepository assignments, JudgeRepository judges, CallRepository calls, OutboxRepository outbox,
            MailTemplates templates) {
        this.assignments = assignments;
        this.judges = judges;
        this.calls = calls;
        this.outbox = outbox;
        this.templates = templates;
    }

    /** Sends each judge with open reviews one reminder; returns how many judges were written to. */
    int remind(long callId, OffsetDateTime now) {
        return send(callId, assignments.openByCall(callId), false, now);
    }

    /** Sends each judge with open reviews due by the deadline one notice; returns those reviews, by judge code. */
    List<AssignmentView> noticeOverdue(long callId, OffsetDateTime deadline) {
        // The deadline comes back from a process variable at millisecond precision; the table may keep finer.
        List<AssignmentView> overdue = assignments.openByCall(callId).stream()
                .filter(a -> !a.dueAt().minusSeconds(1).isAfter(deadline)).toList();
        send(callId, overdue, true, OffsetDateTime.now());
        return overdue;
    }

    private int send(long callId, List<AssignmentView> open, boolean overdue, OffsetDateTime now) {
        AwardCall call = calls.get(callId);
        Map<String, String> categories = calls.categories(callId).stream().collect(Collectors.toMap(Category::code, Category::name));
        Map<String, List<AssignmentView>> byJudge = open.stream()
                .collect(Collectors.groupingBy(AssignmentView::judgeUserId, LinkedHashMap::new, Collectors.toList()));
        byJudge.forEach((userId, reviews) -> {
            var judge = judges.byUserId(userId);
            String zone = judges.timeZone(userId).orElse(call.timeZone());
            List<Line> lines = reviews.stream().map(a -> new Line(a.applicationCode(),
                    categories.getOrDefault(a.categoryCode(), a.categoryCode()), Moments.inWords(a.dueAt(), zone))).toList();
            MailTemplates.Rendered mail = templates.render("review-digest", Map.of("judgeName",
                    judge.map(j -> j.name()).orElse(reviews.get(0).judgeCode()), "callName", call.name(), "reviews", lines, "overdue", overdue));
            String subject = call.name() + (overdue ? ": " + count(lines.size()) + " overdue" : ": " + count(lines.size()) + " to finish by "
                    + lines.get(0).due());
            long judgeId = judge.map(j -> j.id()).orElse(0L);
            outbox.insertOncePerCall(callId, new PersonalMail((overdue ? "OVERDUE-J" : "DIGEST-J") + judgeId, reviews.get(0).judgeEmail(),
                    subject, mail.text(), mail.html()), now);
        });
        return byJudge.size();
    }

    private static String count(int reviews) {
        return reviews == 1 ? "your review" : "your " + reviews + " reviews";
    }
}
