package org.awardeval.dashboard;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awardeval.assignment.AssignmentRepository;
import org.awardeval.assignment.AssignmentRepository.JudgeProgress;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.submission.ApplicationStatistics;
import org.awardeval.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A call's progress for coordinators: its applications, per judge the reviews done, open and overdue, and the e-mails to
 * applicants that need a look.
 */
@Service
class DashboardService {

    public record Progress(AwardCall call, ApplicationStatistics.Statistics statistics, List<JudgeProgress> judges, long reviewsDone,
            long reviewsOpen, long reviewsOverdue, Map<String, Long> mailsByStatus, List<OutboxRepository.ToCheck> mailsToCheck) {
    }

    private final AssignmentRepository assignments;
    private final CallRepository calls;
    private final ApplicationStatistics statistics;
    private final OutboxRepository notifications;

    DashboardService(AssignmentRepository assignments, CallRepository calls, ApplicationStatistics statistics,
            OutboxRepository notifications) {
        this.assignments = assignments;
        this.calls = calls;
        this.statistics = statistics;
        this.notifications = notifications;
    }

    /** Every call, the newest first. */
    public List<CallRepository.Summary> calls() {
        return calls.summaries();
    }

    /** One edition's figures beside the others'. */
    public record Edition(long callId, String name, int year, String status, long applications, long countries, long institutions,
            long enterprises, long selected) {
    }

    /** The last ten editions compared, the newest first: what each received and selected; the shown call's as counted. */
    public List<Edition> editions(Progress shown) {
        return calls.summaries().stream().limit(10).map(summary -> {
            AwardCall call = summary.id() == shown.call().id() ? shown.call() : calls.get(summary.id());
            ApplicationStatistics.Statistics counted = summary.id() == shown.call().id() ? shown.statistics() : statistics.of(call.id());
            return new Edition(call.id(), call.name(), call.submissionDeadline().getYear(), call.status().name(),
                    counted.applications(), counted.distinctCountries(), counted.institutions(), counted.enterprises(), counted.awarded());
        }).toList();
    }

    public Progress progress(long callId, OffsetDateTime now) {
        AwardCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        List<JudgeProgress> judges = assignments.progress(callId, now);
        return new Progress(call, statistics.of(callId), judges,
                judges.stream().mapToLong(JudgeProgress::done).sum(),
                judges.stream().mapToLong(JudgeProgress::open).sum(),
                judges.stream().mapToLong(JudgeProgress::overdue).sum(),
                notifications.countsByStatus(callId), notifications.toCheck(callId));
    }
}
