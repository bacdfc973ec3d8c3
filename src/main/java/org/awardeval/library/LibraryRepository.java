package org.awardeval.library;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LibraryRepository {

    record Entry(long applicationId, long callId, boolean consented, String publicSummary, OffsetDateTime answeredAt) {
    }

    private final JdbcClient jdbc;

    LibraryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(long applicationId) {
        return jdbc.sql("SELECT application_id, call_id, consented, public_summary, answered_at FROM library_entry WHERE application_id = ?")
                .param(applicationId).query(Entry.class).optional();
    }

    /** The applicant's answer, replacing an earlier one. */
    void save(Entry entry) {
        if (jdbc.sql("UPDATE library_entry SET consented = ?, public_summary = ?, answered_at = ? WHERE application_id = ?")
                .params(entry.consented(), entry.publicSummary(), entry.answeredAt(), entry.applicationId()).update() == 0) {
            jdbc.sql("INSERT INTO library_entry (application_id, call_id, consented, public_summary, answered_at) VALUES (?, ?, ?, ?, ?)")
                    .params(entry.applicationId(), entry.callId(), entry.consented(), entry.publicSummary(), entry.answeredAt()).update();
        }
    }

    /** The approved summaries of a call's cases whose applicants agreed, by application. */
    Map<Long, String> consented(long callId) {
        Map<Long, String> summaries = new HashMap<>();
        jdbc.sql("SELECT application_id, public_summary FROM library_entry WHERE call_id = ? AND consented = TRUE").param(callId)
                .query(rs -> {
                    summaries.put(rs.getLong(1), rs.getString(2));
                });
        return summaries;
    }
}
