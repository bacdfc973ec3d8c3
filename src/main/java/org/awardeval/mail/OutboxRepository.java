package org.awardeval.mail;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OutboxRepository {

    public enum Status { PENDING, SENDING, SENT, FAILED }

    public record Notification(long callId, long applicationId, String applicationCode, String kind, String recipient,
            String subject, String body, String htmlBody, OffsetDateTime notBefore) {
    }

    /** An e-mail to a person about themselves, such as a sign-in link: about no call and no application. */
    public record PersonalMail(String kind, String recipient, String subject, String body, String htmlBody) {
    }

    public record Outgoing(long id, String recipient, String subject, String body, String htmlBody, int attempts) {
    }

    public record Stored(long id, long applicationId, String kind, String recipient, String subject, String body, String status,
            int attempts, OffsetDateTime sentAt) {
    }

    /** An e-mail a coordinator should look at: given up after its attempts, or claimed and never marked sent. */
    public record ToCheck(long id, String applicationCode, String kind, String recipient, String status, int attempts, String lastError,
            OffsetDateTime claimedAt) {
    }

    /** A call's e-mails as {@link ToCheck}, to be narrowed by further conditions. */
    private static final String TO_CHECK = """
            SELECT n.id, n.application_code, n.kind, n.recipient, n.status, n.attempts, n.last_error, n.claimed_at
            FROM mail_outbox n
            WHERE n.call_id = ?""";

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the e-mail unless this application already has one of this kind: a retried job adds nothing. */
    public boolean insertOnce(Notification n) {
        long existing = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE application_id = ? AND kind = ?")
                .params(n.applicationId(), n.kind()).query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO mail_outbox (call_id, application_id, application_code, kind, recipient, subject, body, html_body,
                        status, not_before, attempts, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, 0, ?)""")
                .params(n.callId(), n.applicationId(), n.applicationCode(), n.kind(), n.recipient(), n.subject(), n.body(),
                        n.htmlBody(), n.notBefore(), OffsetDateTime.now())
                .update();
        return true;
    }

    /**
     * Stores an e-mail of the call to one person, not about one application, unless the call already has one of this
     * kind: a retried job adds nothing. The kind names the person ("DIGEST-J7").
     */
    public boolean insertOncePerCall(long callId, PersonalMail mail, OffsetDateTime now) {
        long existing = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE call_id = ? AND application_id IS NULL AND kind = ?")
                .params(callId, mail.kind()).query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO mail_outbox (call_id, kind, recipient, subject, body, html_body, status, not_before, attempts, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, 0, ?)""")
                .params(callId, mail.kind(), mail.recipient(), mail.subject(), mail.body(), mail.htmlBody(), now, now)
                .update();
        return true;
    }

    /** Stores a personal e-mail; each is sent once, as the person asked for it. */
    public void insert(PersonalMail mail, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO mail_outbox (kind, recipient, subject, body, html_body, status, not_before, attempts, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?, 0, ?)""")
                .params(mail.kind(), mail.recipient(), mail.subject(), mail.body(), mail.htmlBody(), now, now)
                .update();
    }

    public List<Outgoing> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                SELECT id, recipient, subject, body, html_body, attempts FROM mail_outbox
                WHERE status = 'PENDING' AND not_before <= ? ORDER BY id FETCH FIRST %d ROWS ONLY""".formatted(limit))
                .param(now).query(Outgoing.class).list();
    }

    /** Claims a pending e-mail for sending; false when another sender (or node) has it already. */
    public boolean claim(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1, claimed_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(now, id).update() == 1;
    }

    /**
     * Puts an e-mail back in the outbox with its attempts anew: one that failed for good, or one claimed before
     * {@code claimedBefore} and never confirmed. False when it is in neither state (any more).
     */
    public boolean sendAgain(long id, String user, OffsetDateTime now, OffsetDateTime claimedBefore) {
        return jdbc.sql("""
                UPDATE mail_outbox SET status = 'PENDING', attempts = 0, last_error = NULL, checked_by = ?, checked_at = ?
                WHERE id = ? AND (status = 'FAILED' OR (status = 'SENDING' AND (claimed_at IS NULL OR claimed_at < ?)))""")
                .params(user, now, id, claimedBefore).update() == 1;
    }

    /** Marks sent an e-mail claimed before {@code claimedBefore} that a coordinator found delivered; false otherwise. */
    public boolean markArrived(long id, String user, OffsetDateTime now, OffsetDateTime claimedBefore) {
        return jdbc.sql("""
                UPDATE mail_outbox SET status = 'SENT', sent_at = COALESCE(claimed_at, ?), last_error = NULL, checked_by = ?, checked_at = ?
                WHERE id = ? AND status = 'SENDING' AND (claimed_at IS NULL OR claimed_at < ?)""")
                .params(now, user, now, id, claimedBefore).update() == 1;
    }

    public void markSent(long id, OffsetDateTime sentAt) {
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?")
                .params(sentAt, id).update();
    }

    public void markFailed(long id, String error, boolean retry) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, last_error = ? WHERE id = ?")
                .params(retry ? "PENDING" : "FAILED", error.length() > 1000 ? error.substring(0, 1000) : error, id).update();
    }

    public List<Stored> byCall(long callId) {
        return jdbc.sql("""
                SELECT n.id, n.application_id, n.kind, n.recipient, n.subject, n.body, n.status, n.attempts, n.sent_at
                FROM mail_outbox n WHERE n.call_id = ? ORDER BY n.application_id, n.kind""")
                .param(callId).query(Stored.class).list();
    }

    /** How many of the call's e-mails are in each status, in the order of {@link Status}. */
    public Map<String, Long> countsByStatus(long callId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            counts.put(status.name(), 0L);
        }
        jdbc.sql("""
                SELECT n.status, COUNT(*) FROM mail_outbox n WHERE n.call_id = ? GROUP BY n.status""")
                .param(callId).query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** One of the call's e-mails, in any status. */
    public Optional<ToCheck> inCall(long callId, long id) {
        return jdbc.sql(TO_CHECK + " AND n.id = ?").params(callId, id).query(ToCheck.class).optional();
    }

    /** The call's e-mails that failed for good or are SENDING: being sent now, or cut off while being sent. */
    public List<ToCheck> toCheck(long callId) {
        return jdbc.sql(TO_CHECK + " AND n.status IN ('FAILED', 'SENDING') ORDER BY n.application_code, n.kind")
                .param(callId).query(ToCheck.class).list();
    }
}
