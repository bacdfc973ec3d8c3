package org.awardeval.clarification;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ClarificationRepository {

    record Clarification(long id, long applicationId, String question, OffsetDateTime askedAt, OffsetDateTime dueAt, String status,
            String answer, OffsetDateTime answeredAt) {
    }

    private static final String SELECT = """
            SELECT id, application_id, question, asked_at, due_at, status, answer, answered_at FROM clarification""";

    private final JdbcClient jdbc;

    ClarificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long applicationId, String question, String askedBy, OffsetDateTime now, OffsetDateTime due) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO clarification (application_id, question, asked_by, asked_at, due_at, status)
                VALUES (?, ?, ?, ?, ?, 'OPEN')""").params(applicationId, question, askedBy, now, due).update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Clarification> open(long applicationId) {
        return jdbc.sql(SELECT + " WHERE application_id = ? AND status = 'OPEN' ORDER BY id DESC").param(applicationId)
                .query(Clarification.class).list().stream().findFirst();
    }

    Optional<Clarification> get(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Clarification.class).optional();
    }

    /** Records the answer to a question still open; false when it was answered or expired meanwhile. */
    boolean answer(long id, String answer, OffsetDateTime now) {
        return jdbc.sql("UPDATE clarification SET status = 'ANSWERED', answer = ?, answered_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(answer, now, id).update() == 1;
    }

    void expire(long applicationId) {
        jdbc.sql("UPDATE clarification SET status = 'EXPIRED' WHERE application_id = ? AND status = 'OPEN'").param(applicationId).update();
    }
}
