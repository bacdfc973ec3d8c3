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
    public record AssignmentView(long id, long callId, long applicationId, String applicationCode, String categoryName, String judgeUserId,
            String judgeCode, String judgeEmail, OffsetDateTime dueAt, String status) {
    }

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    public AssignmentRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The assignments of a whole call at once, due at the call's review deadline: one batch of statements. */
    public void insertAll(long callId, List<AssignmentPlan.Pick> picks) {
        OffsetDateTime now = OffsetDateTime.now();
        batch.batchUpdate("""
                INSERT INTO assignment (call_id, application_id, judge_id, status, created_at, due_at)
                VALUES (?, ?, ?, 'OPEN', ?, (SELECT review_deadline FROM award_call WHERE id = ?))""", picks, 1000, (statement, pick) -> {
            statement.setLong(1, callId);
            statement.setLong(2, pick.applicationId());
            statement.setLong(3, pick.judgeId());
            statement.setObject(4, now);
            statement.setLong(5, callId);
        });
    }

    /** A new assignment, due at the given moment (null: the call's review deadline). */
    public long insert(long callId, long applicationId, long judgeId, OffsetDateTime dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO assignment (call_id, application_id, judge_id, status, created_at, due_at)
                VALUES (?, ?, ?, 'OPEN', ?, COALESCE(?, (SELECT review_deadline FROM award_call WHERE id = ?)))""")
                .params(callId, applicationId, judgeId, OffsetDateTime.now(), dueAt, callId).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public List<Long> idsForApplication(long applicationId) {
        return jdbc.sql("SELECT id FROM assignment WHERE application_id = ? ORDER BY id").param(applicationId).query(Long.class).list();
    }

    public AssignmentView view(long assignmentId) {
        return jdbc.sql("""
                SELECT s.id, s.call_id, s.application_id, a.code, c.name AS category_name, j.user_id, j.code, j.email,
                    COALESCE(s.due_at, k.review_deadline), s.status
                FROM assignment s
                JOIN application a ON a.id = s.application_id
                JOIN judge j ON j.id = s.judge_id
                JOIN award_call k ON k.id = s.call_id
                JOIN category c ON c.call_id = a.call_id AND c.code = a.category_code
                WHERE s.id = ?""")
                .param(assignmentId)
                .query((rs, row) -> new AssignmentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10)))
                .single();
    }

    /** Every judge ever assigned to the application, whatever became of the assignment. */
    public List<Long> judgesOf(long applicationId) {
        return jdbc.sql("SELECT judge_id FROM assignment WHERE application_id = ?").param(applicationId).query(Long.class).list();
    }

    /** Per judge, the reviews of the call they hold or have done. */
    public Map<Long, Integer> loads(long callId) {
        Map<Long, Integer> loads = new HashMap<>();
        jdbc.sql("SELECT judge_id, COUNT(*) FROM assignment WHERE call_id = ? AND status <> 'REASSIGNED' GROUP BY judge_id").param(callId)
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

    public void markReassigned(long assignmentId, String reason) {
        jdbc.sql("UPDATE assignment SET status = 'REASSIGNED', end_reason = ? WHERE id = ?").params(reason, assignmentId).update();
    }
}
