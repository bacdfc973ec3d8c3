package org.awardeval.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Applications being written in the portal, owned by the address that started them. */
@Repository
class DraftRepository {

    record Draft(long id, long callId, String ownerEmail, Map<String, String> fields, int version, OffsetDateTime updatedAt,
            String applicationCode) {

        public boolean submitted() {
            return applicationCode != null;
        }

        public String savedText() {
            return SAVED.format(updatedAt.atZoneSameInstant(ZoneOffset.UTC));
        }
    }

    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = "SELECT id, call_id, owner_email, fields, version, updated_at, application_code FROM application_draft";

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long callId, String ownerEmail, Map<String, String> fields, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO application_draft (call_id, owner_email, fields, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)")
                .params(callId, ownerEmail, json(fields), now, now).update(key, "id");
        return key.getKey().longValue();
    }

    /** The draft if this address owns it; another's draft is as absent as one that does not exist. */
    Optional<Draft> find(long id, String ownerEmail) {
        return jdbc.sql(SELECT + " WHERE id = ? AND owner_email = ?").params(id, ownerEmail).query(DraftRepository::map).optional();
    }

    List<Draft> byOwner(String ownerEmail) {
        return jdbc.sql(SELECT + " WHERE owner_email = ? ORDER BY updated_at DESC").param(ownerEmail).query(DraftRepository::map).list();
    }

    /** Saves the fields of a draft not yet submitted; false when it was submitted meanwhile. */
    boolean save(long id, String ownerEmail, Map<String, String> fields, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE application_draft SET fields = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND owner_email = ? AND application_code IS NULL""")
                .params(json(fields), now, id, ownerEmail).update() == 1;
    }

    boolean markSubmitted(long id, String ownerEmail, String applicationCode, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE application_draft SET application_code = ?, updated_at = ?
                WHERE id = ? AND owner_email = ? AND application_code IS NULL""")
                .params(applicationCode, now, id, ownerEmail).update() == 1;
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Draft map(ResultSet rs, int row) throws SQLException {
        try {
            Map<String, String> fields = JSON.readValue(rs.getString("fields"), new TypeReference<TreeMap<String, String>>() { });
            return new Draft(rs.getLong("id"), rs.getLong("call_id"), rs.getString("owner_email"), fields, rs.getInt("version"),
                    rs.getObject("updated_at", OffsetDateTime.class), rs.getString("application_code"));
        } catch (JsonProcessingException e) {
            throw new SQLException("Draft " + rs.getLong("id") + " holds fields that are not JSON", e);
        }
    }
}
