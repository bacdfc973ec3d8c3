package org.awardeval.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ReviewRepository {

    /** A review as the ranking and the applicant's feedback use it. */
    public record ReviewSummary(long applicationId, String judgeCode, BigDecimal total, String feedback, String panelComment) {
    }

    private final JdbcClient jdbc;

    public ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long assignmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM review WHERE assignment_id = ?").param(assignmentId).query(Long.class).single() > 0;
    }

    public void insert(long assignmentId, Map<String, Integer> scores, BigDecimal total, String panelComment, String feedback,
            String confidence) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO review (assignment_id, total, confidence, panel_comment, feedback, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(assignmentId, total, confidence, panelComment, feedback, OffsetDateTime.now()).update(key, "id");
        long reviewId = key.getKeyAs(Number.class).longValue();
        scores.forEach((criterion, score) -> jdbc.sql("INSERT INTO review_score (review_id, criterion, score) VALUES (?, ?, ?)")
                .params(reviewId, criterion, score).update());
    }

    public List<ReviewSummary> byCall(long callId) {
        return summaries("s.call_id", callId);
    }

    public List<ReviewSummary> byApplication(long applicationId) {
        return summaries("s.application_id", applicationId);
    }

    private List<ReviewSummary> summaries(String column, long id) {
        return jdbc.sql("""
                SELECT s.application_id, j.code, r.total, r.feedback, r.panel_comment
                FROM review r JOIN assignment s ON s.id = r.assignment_id JOIN judge j ON j.id = s.judge_id
                WHERE %s = ? ORDER BY s.application_id, j.code""".formatted(column))
                .param(id)
                .query((rs, row) -> new ReviewSummary(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
