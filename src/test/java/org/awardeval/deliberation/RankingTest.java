package org.awardeval.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.awardeval.call.Quotas;
import org.awardeval.deliberation.Normalisation.Aggregate;
import org.awardeval.deliberation.Ranking.Ranked;
import org.awardeval.deliberation.Ranking.Scored;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static Scored scored(long id, String code, String category, double normalised, double raw, double spread) {
        return new Scored(id, code, category, new Aggregate(id, normalised, raw, spread, spread >= 1.5, 3));
    }

    @Test
    void eachCategoryShortlistsAndProposesItsOwnNumber() {
        List<Scored> scored = List.of(scored(1, "PA-MC-001", "MC", 4.5, 4.5, 0.0), scored(2, "PA-MC-002", "MC", 4.0, 4.0, 0.0),
                scored(3, "PA-MC-003", "MC", 3.5, 3.5, 0.0), scored(4, "PA-MC-004", "MC", 3.0, 3.0, 0.0),
                scored(5, "PA-MC-005", "MC", 2.5, 2.5, 0.0), scored(6, "PA-SC-006", "SC", 4.0, 4.0, 0.0),
                scored(7, "PA-SC-007", "SC", 3.0, 3.0, 0.0), scored(8, "PA-SC-008", "SC", 2.0, 2.0, 0.0));
        // MC awards 2 (and so shortlists 4), SC the call's 1 of a shortlist of 2.
        List<Ranked> ranking = Ranking.rank(scored, new Quotas(1, 2, Map.of("MC", 2), Map.of()));
        assertThat(ranking.stream().filter(Ranked::proposed)).extracting(Ranked::code).containsExactly("PA-MC-001", "PA-MC-002",
                "PA-SC-006");
        assertThat(ranking.stream().filter(Ranked::shortlisted)).extracting(Ranked::code).containsExactly("PA-MC-001", "PA-MC-002",
                "PA-MC-003", "PA-MC-004", "PA-SC-006", "PA-SC-007");
        // A category's own shortlist overrides twice its winners.
        assertThat(Ranking.rank(scored, new Quotas(1, 2, Map.of("MC", 2), Map.of("MC", 3))).stream().filter(Ranked::shortlisted)
                .filter(r -> r.categoryCode().equals("MC"))).hasSize(3);
    }

    @Test
    void rankedPerCategoryByNormalisedThenRawThenSpreadThenCode() {
        List<Ranked> ranking = Ranking.rank(List.of(
                scored(1, "PA-MC-005", "MC", 4.0, 3.9, 1.0),
                scored(2, "PA-MC-004", "MC", 4.0, 4.1, 2.0),    // same normalised score, higher raw mean: before 005
                scored(3, "PA-MC-003", "MC", 3.5, 3.5, 0.5),
                scored(4, "PA-MC-002", "MC", 3.5, 3.5, 0.0),    // ties 003 on both means, smaller spread: before 003
                scored(5, "PA-MC-001", "MC", 3.5, 3.5, 0.0),    // ties 002 on everything: code decides
                scored(6, "PA-SC-006", "SC", 2.0, 2.0, 0.0)), Quotas.uniform(1, 2));
        assertThat(ranking).extracting(Ranked::code)
                .containsExactly("PA-MC-004", "PA-MC-005", "PA-MC-001", "PA-MC-002", "PA-MC-003", "PA-SC-006");
        assertThat(ranking).extracting(Ranked::rank).containsExactly(1, 2, 3, 4, 5, 1);
        assertThat(ranking).extracting(Ranked::shortlisted).containsExactly(true, true, false, false, false, true);
        assertThat(ranking).extracting(Ranked::proposed).containsExactly(true, false, false, false, false, true);
        assertThat(ranking.get(0).disagreement()).isTrue();
    }

    @Test
    void theInputOrderDoesNotChangeTheRanking() {
        Scored a = scored(1, "B", "MC", 3, 3, 0);
        Scored b = scored(2, "A", "MC", 3, 3, 0);
        assertThat(Ranking.rank(List.of(a, b), Quotas.uniform(1, 1))).extracting(Ranked::code).containsExactly("A", "B");
        assertThat(Ranking.rank(List.of(b, a), Quotas.uniform(1, 1))).extracting(Ranked::code).containsExactly("A", "B");
    }

    @Test
    void scoresEqualToThreeDecimalsAreTies() {
        Scored a = scored(1, "B", "MC", 3.0004, 3, 0);
        Scored b = scored(2, "A", "MC", 3.0001, 3, 0);
        assertThat(Ranking.rank(List.of(a, b), Quotas.uniform(1, 1))).extracting(Ranked::code).containsExactly("A", "B");
    }
}
