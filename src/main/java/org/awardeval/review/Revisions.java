package org.awardeval.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The disagreement round's record: each judge of a split application asked to reconsider their review, and what they
 * did (revised with a reason, kept their scores, or let the deadline pass). The panel reads it by judge code.
 */
@Repository
public class Revisions {

    public enum Status { OPEN, REVISED, KEPT, EXPIRED }

    /** One judge's answer; totals on the 1 to 5 scale, scores as "innovation 4, impact 3, ...". */
    public record Revision(long id, long callId, long reviewId, long applicationId, String judgeCode, Status status, OffsetDateTime dueAt,
            BigDecimal totalBefore, BigDecimal totalAfter, String scoresBefore, String scoresAfter, String reason,
            OffsetDateTime answeredAt) {
    }

    private final JdbcClient jdbc;

    Revisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The call's revisions by application, in judge code order. */
    public Map<Long, List<Revision>> byCall(long callId) {
        Map<Long, List<Revision>> byApplication = new HashMap<>();
        for (Revision r : jdbc.sql("SELECT * FROM review_revision WHERE call_id = ? ORDER BY application_id, judge_code").param(callId)
                .query((rs, row) -> revision(rs)).list()) {
            byApplication.computeIfAbsent(r.applicationId(), k -> new ArrayList<>()).add(r);
        }
        return byApplication;
    }

    /** For the audit: per reconsider instance, what its judge did, by judge code. */
    public Map<String, String> answersByInstance(long callId) {
        Map<String, String> answers = new HashMap<>();
        jdbc.sql("""
                SELECT process_instance_id, judge_code, status, total_before, total_after, reason FROM review_revision
                WHERE call_id = ? AND process_instance_id IS NOT NULL""").param(callId).query(rs -> {
                    String status = rs.getString(3);
                    answers.put(rs.getString(1), rs.getString(2) + (switch (status) {
                        case "REVISED" -> " revised " + rs.getBigDecimal(4) + " to " + rs.getBigDecimal(5) + ": " + rs.getString(6);
                        case "KEPT" -> " kept " + rs.getBigDecimal(4);
                        case "EXPIRED" -> " did not answer";
                        default -> " has not answered yet";
                    }));
                });
        return answers;
    }

    /** Whether a judge asked in the call's round has not answered yet (nor been timed out). */
    public boolean anyOpen(long callId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM review_revision WHERE call_id = ? AND status = 'OPEN')").param(callId)
                .query(Boolean.class).single();
    }

    /** For the audit: the application each reconsider instance of the call is about. */
    public Map<String, Long> applicationsByInstance(long callId) {
        Map<String, Long> applications = new HashMap<>();
        jdbc.sql("SELECT process_instance_id, application_id FROM review_revision WHERE call_id = ? AND process_instance_id IS NOT NULL")
                .param(callId).query(rs -> {
                    applications.put(rs.getString(1), rs.getLong(2));
                });
        return applications;
    }

    /** Opens a request for this review, once: a retried round finds it and adds none. */
    long open(long callId, long reviewId, long applicationId, String judgeCode, OffsetDateTime dueAt, BigDecimal total, String scores) {
        return jdbc.sql("SELECT id FROM review_revision WHERE review_id = ?").param(reviewId).query(Long.class).optional().orElseGet(() -> {
            jdbc.sql("""
                    INSERT INTO review_revision (call_id, review_id, application_id, judge_code, status, due_at, total_before, scores_before)
                    VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?)""").params(callId, reviewId, applicationId, judgeCode, dueAt, total, scores).update();
            return jdbc.sql("SELECT id FROM review_revision WHERE review_id = ?").param(reviewId).query(Long.class).single();
        });
    }

    Revision get(long id) {
        return jdbc.sql("SELECT * FROM review_revision WHERE id = ?").param(id).query((rs, row) -> revision(rs)).single();
    }

    /** Binds a request no instance holds yet to this instance; false when another holds it. */
    boolean bind(long id, String processInstanceId) {
        return jdbc.sql("UPDATE review_revision SET process_instance_id = ? WHERE id = ? AND (process_instance_id IS NULL"
                + " OR process_instance_id = ?)").params(processInstanceId, id, processInstanceId).update() == 1;
    }

    java.util.Optional<Revision> ofInstance(String processInstanceId) {
        return jdbc.sql("SELECT * FROM review_revision WHERE process_instance_id = ?").param(processInstanceId)
                .query((rs, row) -> revision(rs)).optional();
    }

    /** Records the answer of an open request; false when it was answered before (a retry). */
    boolean answer(long id, Status status, BigDecimal totalAfter, String scoresAfter, String reason, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE review_revision SET status = ?, total_after = ?, scores_after = ?, reason = ?, answered_at = ?
                WHERE id = ? AND status = 'OPEN'""").params(status.name(), totalAfter, scoresAfter, reason, at, id).update() == 1;
    }

    private static Revision revision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Revision(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("review_id"), rs.getLong("application_id"),
                rs.getString("judge_code"), Status.valueOf(rs.getString("status")), rs.getObject("due_at", OffsetDateTime.class),
                rs.getBigDecimal("total_before"), rs.getBigDecimal("total_after"), rs.getString("scores_before"),
                rs.getString("scores_after"), rs.getString("reason"), rs.getObject("answered_at", OffsetDateTime.class));
    }
}
