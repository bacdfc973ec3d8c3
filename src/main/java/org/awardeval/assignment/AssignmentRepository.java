package org.awardeval.assignment;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AssignmentRepository {

    /** What a review instance needs: no identity of the applicant. */
    public record AssignmentView(long id, long callId, long applicationId, String applicationCode, String categoryCode, String judgeUserId,
            String judgeCode, String judgeEmail, OffsetDateTime dueAt, String status) {
    }

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    public AssignmentRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The assignments of a whole call at once, due at the call's review deadline: one batch of statements. */
    public void insertAll(long callId, OffsetDateTime due, List<ApplicationToAssign> applications, List<AssignmentPlan.Pick> picks) {
        OffsetDateTime now = OffsetDateTime.now();
        Map<Long, ApplicationToAssign> byId = new HashMap<>();
        applications.forEach(a -> byId.put(a.applicationId(), a));
        batch.batchUpdate("""
                INSERT INTO assignment (call_id, application_id, application_code, category_code, judge_id, status, created_at, due_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)""", picks, 1000, (statement, pick) -> {
            ApplicationToAssign application = byId.get(pick.applicationId());
            statement.setLong(1, callId);
            statement.setLong(2, pick.applicationId());
            statement.setString(3, application.code());
            statement.setString(4, application.categoryCode());
            statement.setLong(5, pick.judgeId());
            statement.setObject(6, now);
            statement.setObject(7, due);
        });
    }

    /** A new assignment of the application the old one was for, due at the given moment. */
    public long insertLike(AssignmentView old, long judgeId, OffsetDateTime dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assignment (call_id, application_id, application_code, category_code, judge_id, status, created_at, due_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(old.callId(), old.applicationId(), old.applicationCode(), old.categoryCode(), judgeId, OffsetDateTime.now(), dueAt)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public List<Long> idsForApplication(long applicationId) {
        return jdbc.sql("SELECT id FROM assignment WHERE application_id = ? ORDER BY id").param(applicationId).query(Long.class).list();
    }

    /** The call's open reviews, by judge then due date: what reminders and overdue notices are about. */
    public List<AssignmentView> openByCall(long callId) {
        return jdbc.sql("""
                SELECT s.id, s.call_id, s.application_id, s.application_code, s.category_code, j.user_id, j.code, j.email, s.due_at,
                    s.status
                FROM assignment s JOIN judge j ON j.id = s.judge_id
                WHERE s.call_id = ? AND s.status = 'OPEN' ORDER BY j.code, s.due_at, s.application_code""")
                .param(callId)
                .query((rs, row) -> new AssignmentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10)))
                .list();
    }

    public AssignmentView view(long assignmentId) {
        return jdbc.sql("""
                SELECT s.id, s.call_id, s.application_id, s.application_code, s.category_code, j.user_id, j.code, j.email, s.due_at,
                    s.status
                FROM assignment s JOIN judge j ON j.id = s.judge_id
                WHERE s.id = ?""")
                .param(assignmentId)
                .query((rs, row) -> new AssignmentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10)))
                .single();
    }

    /**
     * The application's code when this user reviews it (an open or done assignment); empty for anyone else, and once
     * the assignment was reassigned or the application withdrawn.
     */
    public java.util.Optional<String> reviewedBy(String judgeUserId, long applicationId) {
        return jdbc.sql("""
                SELECT s.application_code FROM assignment s JOIN judge j ON j.id = s.judge_id
                WHERE j.user_id = ? AND s.application_id = ? AND s.status IN ('OPEN', 'DONE')""")
                .params(judgeUserId, applicationId).query(String.class).optional();
    }

    /** A judge's reviews in a call: done, open, and open past their due date. */
    public record JudgeProgress(String code, String name, long done, long open, long overdue) {
    }

    public List<JudgeProgress> progress(long callId, OffsetDateTime now) {
        return jdbc.sql("""
                SELECT j.code, j.name,
                       SUM(CASE WHEN a.status = 'DONE' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN a.status = 'OPEN' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN a.status = 'OPEN' AND a.due_at < ? THEN 1 ELSE 0 END)
                FROM assignment a JOIN judge j ON j.id = a.judge_id
                WHERE a.call_id = ? AND a.status NOT IN ('REASSIGNED', 'WITHDRAWN')
                GROUP BY j.code, j.name ORDER BY j.code""")
                .params(now, callId)
                .query((rs, row) -> new JudgeProgress(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Every judge ever assigned to the application, whatever became of the assignment. */
    public List<Long> judgesOf(long applicationId) {
        return jdbc.sql("SELECT judge_id FROM assignment WHERE application_id = ?").param(applicationId).query(Long.class).list();
    }

    /** Per judge, the reviews of the call they hold or have done. */
    public Map<Long, Integer> loads(long callId) {
        Map<Long, Integer> loads = new HashMap<>();
        jdbc.sql("""
                SELECT judge_id, COUNT(*) FROM assignment WHERE call_id = ? AND status NOT IN ('REASSIGNED', 'WITHDRAWN')
                GROUP BY judge_id""").param(callId)
                .query(rs -> {
                    loads.put(rs.getLong(1), rs.getInt(2));
                });
        return loads;
    }

    /**
     * Binds an assignment that no review instance holds yet to this review instance; false when another holds it. From
     * then on the instance's assignment is read here, never from a variable its judge could write.
     */
    public boolean bindReviewInstance(long assignmentId, String processInstanceId) {
        return jdbc.sql("UPDATE assignment SET review_process_instance_id = ? WHERE id = ? AND (review_process_instance_id IS NULL"
                + " OR review_process_instance_id = ?)").params(processInstanceId, assignmentId, processInstanceId).update() == 1;
    }

    /** The assignment a review instance works on now: the one bound to it that is neither done nor reassigned. */
    public java.util.Optional<AssignmentView> openOfReview(String processInstanceId) {
        return jdbc.sql("SELECT id FROM assignment WHERE review_process_instance_id = ? AND status = 'OPEN'").param(processInstanceId)
                .query(Long.class).optional().map(this::view);
    }

    public void markDone(long assignmentId) {
        jdbc.sql("UPDATE assignment SET status = 'DONE' WHERE id = ?").param(assignmentId).update();
    }

    /**
     * Ends the open assignments of a withdrawn application: they no longer count in any judge's load. Returns them, to
     * tell their judges; a second call finds none.
     */
    public List<AssignmentView> withdraw(long applicationId) {
        List<AssignmentView> open = jdbc.sql("SELECT id FROM assignment WHERE application_id = ? AND status = 'OPEN' ORDER BY id")
                .param(applicationId).query(Long.class).list().stream().map(this::view).toList();
        jdbc.sql("""
                UPDATE assignment SET status = 'WITHDRAWN', end_reason = 'application withdrawn'
                WHERE application_id = ? AND status = 'OPEN'""").param(applicationId).update();
        return open;
    }

    public void markReassigned(long assignmentId, String reason) {
        jdbc.sql("UPDATE assignment SET status = 'REASSIGNED', end_reason = ? WHERE id = ?").params(reason, assignmentId).update();
    }
}
