package org.awardeval.deployment;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProcessChangeRepository {

    record Change(long id, String proposedBy, OffsetDateTime proposedAt, String status, String summary, String decidedBy,
            OffsetDateTime decidedAt, String reason, String deploymentId) {
    }

    private final JdbcClient jdbc;

    ProcessChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String proposedBy, String summary, Map<String, byte[]> files) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO process_change (proposed_by, proposed_at, status, summary) VALUES (?, ?, 'PENDING', ?)")
                .params(proposedBy, OffsetDateTime.now(), summary).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        files.forEach((name, bytes) -> jdbc.sql("INSERT INTO process_change_file (change_id, name, content) VALUES (?, ?, ?)")
                .params(id, name, new String(bytes, StandardCharsets.UTF_8)).update());
        return id;
    }

    Optional<Change> find(long id) {
        return jdbc.sql("""
                SELECT id, proposed_by, proposed_at, status, summary, decided_by, decided_at, reason, deployment_id
                FROM process_change WHERE id = ?""").param(id)
                .query((rs, row) -> new Change(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9)))
                .optional();
    }

    java.util.List<Long> pendingOf(String proposedBy) {
        return jdbc.sql("SELECT id FROM process_change WHERE proposed_by = ? AND status = 'PENDING'").param(proposedBy)
                .query(Long.class).list();
    }

    SortedMap<String, byte[]> files(long id) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        jdbc.sql("SELECT name, content FROM process_change_file WHERE change_id = ?").param(id)
                .query(rs -> {
                    files.put(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
                });
        return files;
    }

    /** Decides a pending change once: false when it was decided before. */
    boolean decide(long id, String status, String decidedBy, String reason, String deploymentId) {
        return jdbc.sql("""
                UPDATE process_change SET status = ?, decided_by = ?, decided_at = ?, reason = ?, deployment_id = ?
                WHERE id = ? AND status = 'PENDING'""")
                .params(status, decidedBy, OffsetDateTime.now(), reason, deploymentId, id).update() == 1;
    }
}
