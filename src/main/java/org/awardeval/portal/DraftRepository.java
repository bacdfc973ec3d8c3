package org.awardeval.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.awardeval.web.Languages;
import org.awardeval.web.Moments;
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

        /** When it was last saved, for a reader of this language, in UTC (the reader's own zone is not known). */
        public String savedText(Locale locale) {
            return Languages.ENGLISH.equals(locale.getLanguage()) ? savedText()
                    : Moments.day(updatedAt, "UTC", locale) + ", " + DateTimeFormatter.ofPattern("HH:mm")
                            .withDecimalStyle(DecimalStyle.of(locale)).format(updatedAt.atZoneSameInstant(ZoneOffset.UTC)) + " UTC";
        }
    }

    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTIVE_MEMBER = """
            SELECT draft_id FROM draft_member WHERE email = ? AND removed_at IS NULL AND (joined_at IS NOT NULL OR expires_at >= ?)""";
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

    /** The draft if this address is a colleague on it: invited and not removed, and joined or still within the invitation. */
    Optional<Draft> findShared(long id, String email, OffsetDateTime now) {
        return jdbc.sql(SELECT + " WHERE id = ? AND id IN (" + ACTIVE_MEMBER + ")").params(id, email, now)
                .query(DraftRepository::map).optional();
    }

    List<Draft> sharedWith(String email, OffsetDateTime now) {
        return jdbc.sql(SELECT + " WHERE id IN (" + ACTIVE_MEMBER + ") ORDER BY updated_at DESC").params(email, now)
                .query(DraftRepository::map).list();
    }

    record Member(long id, String email, OffsetDateTime invitedAt, OffsetDateTime expiresAt, OffsetDateTime joinedAt) {

        public boolean joined() {
            return joinedAt != null;
        }

        public boolean expired(OffsetDateTime now) {
            return joinedAt == null && now.isAfter(expiresAt);
        }
    }

    /** The colleagues of a draft not removed, in the order they were invited. */
    List<Member> members(long draftId) {
        return jdbc.sql("""
                SELECT id, email, invited_at, expires_at, joined_at FROM draft_member
                WHERE draft_id = ? AND removed_at IS NULL ORDER BY id""").param(draftId).query(Member.class).list();
    }

    /** Invites a colleague, or renews an invitation to the same address that was not taken up. */
    void invite(long draftId, String email, OffsetDateTime now, OffsetDateTime expires) {
        int renewed = jdbc.sql("""
                UPDATE draft_member SET invited_at = ?, expires_at = ? WHERE draft_id = ? AND email = ? AND removed_at IS NULL
                AND joined_at IS NULL""").params(now, expires, draftId, email).update();
        boolean member = jdbc.sql("SELECT COUNT(*) FROM draft_member WHERE draft_id = ? AND email = ? AND removed_at IS NULL")
                .params(draftId, email).query(Long.class).single() > 0;
        if (renewed == 0 && !member) {
            jdbc.sql("INSERT INTO draft_member (draft_id, email, invited_at, expires_at) VALUES (?, ?, ?, ?)")
                    .params(draftId, email, now, expires).update();
        }
    }

    /** The colleague opens the draft for the first time: the invitation is taken up and no longer expires. */
    void join(long draftId, String email, OffsetDateTime now) {
        jdbc.sql("UPDATE draft_member SET joined_at = ? WHERE draft_id = ? AND email = ? AND removed_at IS NULL AND joined_at IS NULL")
                .params(now, draftId, email).update();
    }

    boolean remove(long draftId, long memberId, OffsetDateTime now) {
        return jdbc.sql("UPDATE draft_member SET removed_at = ? WHERE id = ? AND draft_id = ? AND removed_at IS NULL")
                .params(now, memberId, draftId).update() == 1;
    }

    List<Draft> byOwner(String ownerEmail) {
        return jdbc.sql(SELECT + " WHERE owner_email = ? ORDER BY updated_at DESC").param(ownerEmail).query(DraftRepository::map).list();
    }

    /** Saves the fields of a draft not yet submitted (its owner or a colleague checked before); false once it is sent. */
    boolean save(long id, Map<String, String> fields, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE application_draft SET fields = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND application_code IS NULL""")
                .params(json(fields), now, id).update() == 1;
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
