package org.awardeval.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardeval.assignment.AssignmentRepository.AssignmentView;
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

    public void insert(AssignmentView assignment, String reviewInstanceId, Map<String, Integer> scores, BigDecimal total,
            String panelComment, String feedback, String confidence) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO review (assignment_id, call_id, application_id, judge_code, review_process_instance_id, total, confidence,
                    panel_comment, feedback, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assignment.id(), assignment.callId(), assignment.applicationId(), assignment.judgeCode(), reviewInstanceId, total,
                        confidence, panelComment, feedback, OffsetDateTime.now()).update(key, "id");
        long reviewId = key.getKeyAs(Number.class).longValue();
        scores.forEach((criterion, score) -> jdbc.sql("INSERT INTO review_score (review_id, criterion, score) VALUES (?, ?, ?)")
                .params(reviewId, criterion, score).update());
    }

    /** A review with its id and scores by criterion, as the disagreement round shows and revises it. */
    public record ScoredReview(long id, long applicationId, String judgeCode, BigDecimal total, Map<String, Integer> scores,
            String panelComment) {
    }

    /** The reviews of these applications, by judge code. */
    public List<ScoredReview> scored(long applicationId) {
        Map<Long, Map<String, Integer>> scores = new HashMap<>();
        jdbc.sql("""
                SELECT s.review_id, s.criterion, s.score FROM review_score s JOIN review r ON r.id = s.review_id
                WHERE r.application_id = ?""").param(applicationId).query(rs -> {
                    scores.computeIfAbsent(rs.getLong(1), k -> new java.util.LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return jdbc.sql("SELECT id, application_id, judge_code, total, panel_comment FROM review WHERE application_id = ? ORDER BY judge_code")
                .param(applicationId)
                .query((rs, row) -> new ScoredReview(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        scores.getOrDefault(rs.getLong(1), Map.of()), rs.getString(5)))
                .list();
    }

    /** The assignment a review was written for. */
    long assignmentOf(long reviewId) {
        return jdbc.sql("SELECT assignment_id FROM review WHERE id = ?").param(reviewId).query(Long.class).single();
    }

    /** Replaces a review's scores and total after a revision; the first scores stay in the revision's record. */
    void revise(long reviewId, Map<String, Integer> scores, BigDecimal total) {
        jdbc.sql("UPDATE review SET total = ? WHERE id = ?").params(total, reviewId).update();
        scores.forEach((criterion, score) -> jdbc.sql("UPDATE review_score SET score = ? WHERE review_id = ? AND criterion = ?")
                .params(score, reviewId, criterion).update());
    }

    public List<ReviewSummary> byCall(long callId) {
        return summaries("call_id", callId);
    }

    public List<ReviewSummary> byApplication(long applicationId) {
        return summaries("application_id", applicationId);
    }

    /** What a judge gave in one review. */
    public record Score(String judgeCode, BigDecimal total, String confidence) {
    }

    /** Per review instance of the call, what its judge gave. */
    public Map<String, Score> scoresByReviewInstance(long callId) {
        Map<String, Score> scores = new HashMap<>();
        jdbc.sql("""
                SELECT review_process_instance_id, judge_code, total, confidence FROM review
                WHERE call_id = ? AND review_process_instance_id IS NOT NULL""").param(callId)
                .query(rs -> {
                    scores.put(rs.getString(1), new Score(rs.getString(2), rs.getBigDecimal(3), rs.getString(4)));
                });
        return scores;
    }

    private List<ReviewSummary> summaries(String column, long id) {
        return jdbc.sql("""
                SELECT application_id, judge_code, total, feedback, panel_comment FROM review
                WHERE %s = ? ORDER BY application_id, judge_code""".formatted(column))
                .param(id)
                .query((rs, row) -> new ReviewSummary(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
