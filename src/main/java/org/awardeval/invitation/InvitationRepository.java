package org.awardeval.invitation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The judge_invitation table. */
@Repository
class InvitationRepository {

    enum Status { INVITED, ACCEPTED, DECLINED, EXPIRED }

    record Invitation(long id, long callId, long judgeId, Status status, int loadAsked, Integer loadAccepted, String invitedBy,
            OffsetDateTime invitedAt, OffsetDateTime respondBy, OffsetDateTime respondedAt, String declineReason,
            Integer declarationVersion, String declarationSha256, String declaredConflicts) {
    }

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long callId, long judgeId) {
        return jdbc.sql("SELECT COUNT(*) FROM judge_invitation WHERE call_id = ? AND judge_id = ?").params(callId, judgeId)
                .query(Long.class).single() > 0;
    }

    void insert(long callId, long judgeId, String tokenHash, int load, String by, OffsetDateTime at, OffsetDateTime respondBy) {
        jdbc.sql("""
                INSERT INTO judge_invitation (call_id, judge_id, token_hash, status, load_asked, invited_by, invited_at, respond_by)
                VALUES (?, ?, ?, 'INVITED', ?, ?, ?, ?)""").params(callId, judgeId, tokenHash, load, by, at, respondBy).update();
    }

    /** The invitation of this link, its row locked: two answers sent at once are taken one after the other. */
    Optional<Invitation> byTokenForUpdate(String tokenHash) {
        return jdbc.sql("SELECT * FROM judge_invitation WHERE token_hash = ? FOR UPDATE").param(tokenHash).query((rs, row) -> map(rs))
                .optional();
    }

    Optional<Invitation> byToken(String tokenHash) {
        return jdbc.sql("SELECT * FROM judge_invitation WHERE token_hash = ?").param(tokenHash).query((rs, row) -> map(rs)).optional();
    }

    boolean anyInCall(long callId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM judge_invitation WHERE call_id = ?)").param(callId).query(Boolean.class).single();
    }

    List<Invitation> byCall(long callId) {
        return jdbc.sql("SELECT * FROM judge_invitation WHERE call_id = ? ORDER BY id").param(callId).query((rs, row) -> map(rs)).list();
    }

    void accept(long id, int load, String conflicts, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE judge_invitation SET status = 'ACCEPTED', load_accepted = ?, declared_conflicts = ?, declaration_version = ?,
                    declaration_sha256 = ?, responded_at = ? WHERE id = ? AND status = 'INVITED'""")
                .params(load, conflicts, Declaration.VERSION, Declaration.SHA256, at, id).update();
    }

    void decline(long id, String reason, OffsetDateTime at) {
        jdbc.sql("UPDATE judge_invitation SET status = 'DECLINED', decline_reason = ?, responded_at = ? WHERE id = ? AND status = 'INVITED'")
                .params(reason, at, id).update();
    }

    /** JudgeInvitations nobody answered in time; returns how many. */
    int expire(OffsetDateTime now) {
        return jdbc.sql("UPDATE judge_invitation SET status = 'EXPIRED' WHERE status = 'INVITED' AND respond_by < ?").param(now).update();
    }

    private static Invitation map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Invitation(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("judge_id"), Status.valueOf(rs.getString("status")),
                rs.getInt("load_asked"), (Integer) rs.getObject("load_accepted"), rs.getString("invited_by"),
                rs.getObject("invited_at", OffsetDateTime.class), rs.getObject("respond_by", OffsetDateTime.class),
                rs.getObject("responded_at", OffsetDateTime.class), rs.getString("decline_reason"),
                (Integer) rs.getObject("declaration_version"), rs.getString("declaration_sha256"), rs.getString("declared_conflicts"));
    }
}
