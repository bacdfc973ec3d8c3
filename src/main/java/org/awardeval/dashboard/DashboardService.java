package org.awardeval.dashboard;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awardeval.call.AwardCall;
import org.awardeval.call.CallRepository;
import org.awardeval.mail.OutboxRepository;
import org.awardeval.submission.ApplicationStatistics;
import org.awardeval.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A call's progress for coordinators: its applications, per judge the reviews done, open and overdue, and the e-mails to
 * applicants that need a look.
 */
@Service
class DashboardService {

    public record CallChoice(long id, String name, String status) {
    }

    public record JudgeProgress(String code, String name, long done, long open, long overdue) {
    }

    public record Progress(AwardCall call, ApplicationStatistics.Statistics statistics, List<JudgeProgress> judges, long reviewsDone,
            long reviewsOpen, long reviewsOverdue, Map<String, Long> mailsByStatus, List<OutboxRepository.ToCheck> mailsToCheck) {
    }

    private final JdbcClient jdbc;
    private final CallRepository calls;
    private final ApplicationStatistics statistics;
    private final OutboxRepository notifications;

    DashboardService(JdbcClient jdbc, CallRepository calls, ApplicationStatistics statistics, OutboxRepository notifications) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.statistics = statistics;
        this.notifications = notifications;
    }

    /** Every call, the newest first. */
    public List<CallChoice> calls() {
        return jdbc.sql("SELECT id, name, status FROM award_call ORDER BY created_at DESC, id DESC")
                .query((rs, row) -> new CallChoice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public Progress progress(long callId, OffsetDateTime now) {
        AwardCall call = calls.find(callId).orElseThrow(() -> new NotFoundException("There is no call with id " + callId));
        List<JudgeProgress> judges = jdbc.sql("""
                SELECT j.code, j.name,
                       SUM(CASE WHEN a.status = 'DONE' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN a.status = 'OPEN' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN a.status = 'OPEN' AND a.due_at < ? THEN 1 ELSE 0 END)
                FROM assignment a JOIN judge j ON j.id = a.judge_id
                WHERE a.call_id = ? AND a.status <> 'REASSIGNED'
                GROUP BY j.code, j.name ORDER BY j.code""")
                .params(now, callId)
                .query((rs, row) -> new JudgeProgress(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
        return new Progress(call, statistics.of(callId), judges,
                judges.stream().mapToLong(JudgeProgress::done).sum(),
                judges.stream().mapToLong(JudgeProgress::open).sum(),
                judges.stream().mapToLong(JudgeProgress::overdue).sum(),
                notifications.countsByStatus(callId), notifications.toCheck(callId));
    }
}
