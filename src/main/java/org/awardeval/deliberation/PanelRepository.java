package org.awardeval.deliberation;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Panel members and their conflicts, the ballots and votes of each call, the chair's decision. */
@Repository
public class PanelRepository {

    public record PanelMember(String userId, String code, String name, String affiliation, String country, Set<String> conflicts) {
    }

    public record Ballot(String userId, String memberCode, String recused, String comment, OffsetDateTime castAt,
            List<String> votedCodes) {
    }

    /** The chair's decision; the winners it chose are marked in the results ({@link ResultRepository#markWinners}). */
    public record Decision(String chairUserId, String proposed, int ballots, int quorum, boolean override, String justification,
            OffsetDateTime decidedAt) {
    }

    private final JdbcClient jdbc;

    public PanelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores or updates a member's profile; conflicts are organisation names, normalised. */
    public void saveMember(String userId, String name, String affiliation, String country, Collection<String> conflicts) {
        if (jdbc.sql("SELECT COUNT(*) FROM panel_member WHERE user_id = ?").param(userId).query(Long.class).single() == 0) {
            long next = jdbc.sql("SELECT COUNT(*) FROM panel_member").query(Long.class).single() + 1;
            jdbc.sql("INSERT INTO panel_member (user_id, code, name, affiliation, country) VALUES (?, ?, ?, ?, ?)")
                    .params(userId, String.format("P-%02d", next), name, affiliation, country)
                    .update();
        } else {
            jdbc.sql("UPDATE panel_member SET name = ?, affiliation = ?, country = ? WHERE user_id = ?")
                    .params(name, affiliation, country, userId).update();
        }
        jdbc.sql("DELETE FROM panel_conflict WHERE user_id = ?").param(userId).update();
        for (String organisation : new TreeSet<>(conflicts)) {
            jdbc.sql("INSERT INTO panel_conflict (user_id, organisation) VALUES (?, ?)").params(userId, organisation).update();
        }
    }

    public Optional<PanelMember> member(String userId) {
        Set<String> conflicts = new TreeSet<>(jdbc.sql("SELECT organisation FROM panel_conflict WHERE user_id = ?").param(userId)
                .query(String.class).list());
        return jdbc.sql("SELECT user_id, code, name, affiliation, country FROM panel_member WHERE user_id = ?").param(userId)
                .query((rs, row) -> new PanelMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        conflicts))
                .optional();
    }

    /** Replaces the member's ballot for this call: a repeated completion records the same ballot once. */
    public void saveBallot(long callId, String userId, String memberCode, String recused, String comment, Map<Long, String> votes,
            OffsetDateTime castAt) {
        jdbc.sql("DELETE FROM panel_vote WHERE call_id = ? AND user_id = ?").params(callId, userId).update();
        jdbc.sql("DELETE FROM panel_ballot WHERE call_id = ? AND user_id = ?").params(callId, userId).update();
        jdbc.sql("INSERT INTO panel_ballot (call_id, user_id, member_code, recused, comment, cast_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(callId, userId, memberCode, recused, comment, castAt).update();
        votes.forEach((applicationId, code) -> jdbc.sql("INSERT INTO panel_vote (call_id, user_id, application_id, application_code) "
                + "VALUES (?, ?, ?, ?)").params(callId, userId, applicationId, code).update());
    }

    /** Records whose ballot a vote task is, when the engine creates it for that member. */
    public void openBallotTask(String executionId, long callId, String userId) {
        jdbc.sql("DELETE FROM panel_ballot_task WHERE execution_id = ?").param(executionId).update();
        jdbc.sql("INSERT INTO panel_ballot_task (execution_id, call_id, user_id) VALUES (?, ?, ?)").params(executionId, callId, userId)
                .update();
    }

    /** The member whose ballot task ran in this execution. */
    public Optional<String> ballotTaskMember(String executionId) {
        return jdbc.sql("SELECT user_id FROM panel_ballot_task WHERE execution_id = ?").param(executionId).query(String.class).optional();
    }

    /** The panel of a call as its vote tasks were created: one per member. */
    public int ballotTasks(long callId) {
        return jdbc.sql("SELECT COUNT(*) FROM panel_ballot_task WHERE call_id = ?").param(callId).query(Integer.class).single();
    }

    public Map<Long, Integer> votesByApplication(long callId) {
        Map<Long, Integer> votes = new HashMap<>();
        jdbc.sql("SELECT application_id, COUNT(*) FROM panel_vote WHERE call_id = ? GROUP BY application_id").param(callId)
                .query(rs -> {
                    votes.put(rs.getLong(1), rs.getInt(2));
                });
        return votes;
    }

    public List<Ballot> ballots(long callId) {
        Map<String, List<String>> voted = new HashMap<>();
        jdbc.sql("""
                SELECT user_id, application_code FROM panel_vote WHERE call_id = ? ORDER BY application_code""").param(callId)
                .query(rs -> {
                    voted.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("SELECT user_id, member_code, recused, comment, cast_at FROM panel_ballot WHERE call_id = ? ORDER BY cast_at")
                .param(callId)
                .query((rs, row) -> new Ballot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), List.copyOf(voted.getOrDefault(rs.getString(1), List.of()))))
                .list();
    }

    public void saveDecision(long callId, Decision d) {
        jdbc.sql("DELETE FROM winner_decision WHERE call_id = ?").param(callId).update();
        jdbc.sql("""
                INSERT INTO winner_decision (call_id, chair_user_id, proposed, ballots, quorum, override, justification, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(callId, d.chairUserId(), d.proposed(), d.ballots(), d.quorum(), d.override(), d.justification(),
                        d.decidedAt())
                .update();
    }

    public Optional<Decision> decision(long callId) {
        return jdbc.sql("""
                SELECT chair_user_id, proposed, ballots, quorum, override, justification, decided_at
                FROM winner_decision WHERE call_id = ?""").param(callId)
                .query((rs, row) -> new Decision(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .optional();
    }
}
