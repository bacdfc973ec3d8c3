package org.awardeval.certificate;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CertificateRepository {

    private static final String SELECT = """
            SELECT id, kind, call_id, application_id, judge_user_id, holder, detail, language, issued_at, revoked_at, revoked_by,
                   revoked_reason FROM certificate""";

    private final JdbcClient jdbc;

    CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Certificate> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(CertificateRepository::map).optional();
    }

    Optional<Certificate> ofApplication(long callId, long applicationId) {
        return jdbc.sql(SELECT + " WHERE kind = 'RECIPIENT' AND call_id = ? AND application_id = ?").params(callId, applicationId)
                .query(CertificateRepository::map).optional();
    }

    Optional<Certificate> ofJudge(long callId, String userId) {
        return jdbc.sql(SELECT + " WHERE kind = 'SERVICE' AND call_id = ? AND judge_user_id = ?").params(callId, userId)
                .query(CertificateRepository::map).optional();
    }

    List<Certificate> byCall(long callId) {
        return jdbc.sql(SELECT + " WHERE call_id = ? ORDER BY id").param(callId).query(CertificateRepository::map).list();
    }

    /** Issues a certificate once: a second request for the same one finds the first. */
    Certificate issue(Certificate.Kind kind, long callId, Long applicationId, String judgeUserId, String holder, String detail, String language,
            OffsetDateTime now) {
        try {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO certificate (kind, call_id, application_id, judge_user_id, holder, detail, language, issued_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(kind.name(), callId, applicationId, judgeUserId, holder, detail, language, now).update(key, "id");
            return find(key.getKeyAs(Number.class).longValue()).orElseThrow();
        } catch (DuplicateKeyException alreadyIssued) {
            return (kind == Certificate.Kind.RECIPIENT ? ofApplication(callId, applicationId) : ofJudge(callId, judgeUserId)).orElseThrow();
        }
    }

    boolean revoke(long id, String by, String reason, OffsetDateTime now) {
        return jdbc.sql("UPDATE certificate SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL")
                .params(now, by, reason, id).update() == 1;
    }

    /** The key that signs the certificates' addresses: made on first use, the same on every node afterwards. */
    String secret() {
        Optional<String> secret = jdbc.sql("SELECT secret FROM certificate_key WHERE id = 1").query(String.class).optional();
        if (secret.isPresent()) {
            return secret.get();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            jdbc.sql("INSERT INTO certificate_key (id, secret) VALUES (1, ?)").param(Base64.getEncoder().encodeToString(bytes)).update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // its key stands
        }
        return jdbc.sql("SELECT secret FROM certificate_key WHERE id = 1").query(String.class).single();
    }

    private static Certificate map(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getLong("id"), Certificate.Kind.valueOf(rs.getString("kind")), rs.getLong("call_id"),
                (Long) rs.getObject("application_id", Long.class), rs.getString("judge_user_id"), rs.getString("holder"),
                rs.getString("detail"), rs.getString("language"), rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_by"), rs.getString("revoked_reason"));
    }
}
