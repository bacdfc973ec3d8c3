package org.awardeval.assignment;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AssignmentRepository {

    /** What a review instance needs: no identity of the applicant. */
    public record AssignmentView(long id, long callId, long applicationId, String applicationCode, String categoryName, String judgeUserId,
            OffsetDateTime reviewDeadline) {
    }

    private final JdbcClient jdbc;

    public AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long callId, long applicationId, long judgeId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO assignment (call_id, application_id, judge_id, status, created_at) VALUES (?, ?, ?, 'OPEN', ?)")
                .params(callId, applicationId, judgeId, OffsetDateTime.now()).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public List<Long> idsForApplication(long applicationId) {
        return jdbc.sql("SELECT id FROM assignment WHERE application_id = ? ORDER BY id").param(applicationId).query(Long.class).list();
    }

    public AssignmentView view(long assignmentId) {
        return jdbc.sql("""
                SELECT s.id, s.call_id, s.application_id, a.code, c.name AS category_name, j.user_id, k.review_deadline
                FROM assignment s
                JOIN application a ON a.id = s.application_id
                JOIN judge j ON j.id = s.judge_id
                JOIN award_call k ON k.id = s.call_id
                JOIN category c ON c.call_id = a.call_id AND c.code = a.category_code
                WHERE s.id = ?""")
                .param(assignmentId)
                .query((rs, row) -> new AssignmentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .single();
    }

    /** The review instance of an assignment, so that the audit finds the judge's task in the history. */
    public void setReviewInstance(long assignmentId, String processInstanceId) {
        jdbc.sql("UPDATE assignment SET review_process_instance_id = ? WHERE id = ?").params(processInstanceId, assignmentId).update();
    }

    public void markDone(long assignmentId) {
        jdbc.sql("UPDATE assignment SET status = 'DONE' WHERE id = ?").param(assignmentId).update();
    }
}
