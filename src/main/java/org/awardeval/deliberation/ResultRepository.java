package org.awardeval.deliberation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.awardeval.deliberation.Ranking.Ranked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ResultRepository {

    public record Result(long applicationId, String code, String categoryCode, BigDecimal normalisedScore, BigDecimal meanScore,
            BigDecimal spread, boolean disagreement, int reviewCount, int rankInCategory, boolean shortlisted, boolean proposed,
            boolean winner, int votes) {
    }

    private final JdbcClient jdbc;

    public ResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the call's ranking. */
    public void saveRanking(long callId, List<Ranked> ranking) {
        jdbc.sql("DELETE FROM result WHERE call_id = ?").param(callId).update();
        for (Ranked r : ranking) {
            jdbc.sql("""
                    INSERT INTO result (application_id, application_code, call_id, category_code, normalised_score, mean_score, spread,
                        disagreement, review_count, rank_in_category, shortlisted, proposed, winner)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)""")
                    .params(r.applicationId(), r.code(), callId, r.categoryCode(), r.normalisedScore(), r.meanScore(), r.spread(),
                            r.disagreement(), r.reviews(), r.rank(), r.shortlisted(), r.proposed())
                    .update();
        }
    }

    public void saveVotes(List<Tally.Counted> tally) {
        for (Tally.Counted c : tally) {
            jdbc.sql("UPDATE result SET votes = ? WHERE application_id = ?").params(c.votes(), c.applicationId()).update();
        }
    }

    /** Marks the chair's winners in the call's results, and only them: the one place the winners are kept. */
    public void markWinners(long callId, Collection<String> codes) {
        jdbc.sql("UPDATE result SET winner = (application_code IN (:winners)) WHERE call_id = :call")
                .param("winners", codes.isEmpty() ? List.of("") : codes).param("call", callId).update();
    }

    public List<Result> byCall(long callId) {
        return where("r.call_id = ?", callId);
    }

    /** The call's winners: a few rows of thousands, read without the others (the public results page asks for them). */
    public List<Result> winners(long callId) {
        return where("r.call_id = ? AND r.winner = TRUE", callId);
    }

    /** The call's shortlist, without the rest of its ranking. */
    public List<Result> shortlist(long callId) {
        return where("r.call_id = ? AND r.shortlisted = TRUE", callId);
    }

    private List<Result> where(String condition, long callId) {
        return jdbc.sql("""
                SELECT r.application_id, r.application_code AS code, r.category_code, r.normalised_score, r.mean_score, r.spread,
                    r.disagreement, r.review_count, r.rank_in_category, r.shortlisted, r.proposed, r.winner, r.votes
                FROM result r
                WHERE %s ORDER BY r.category_code, r.rank_in_category""".formatted(condition))
                .param(callId).query(Result.class).list();
    }
}
