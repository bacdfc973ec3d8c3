package org.awardeval.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.awardeval.call.Quotas;
import org.awardeval.deliberation.Tally.Counted;
import org.awardeval.deliberation.Tally.Entry;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final List<Entry> SHORTLIST = List.of(new Entry(1, "MC-1", "MC", 1), new Entry(2, "MC-2", "MC", 2),
            new Entry(3, "MC-3", "MC", 3), new Entry(4, "SC-4", "SC", 1), new Entry(5, "SC-5", "SC", 2));

    @Test
    void theMostVotedWinAndEqualVotesGoByTheReviewRanking() {
        // MC: 2 has three votes; 1 and 3 two each, so 1 (ranked higher) takes the second place. SC: no votes at all.
        List<Counted> tally = Tally.count(SHORTLIST, Map.of(2L, 3, 1L, 2, 3L, 2), Quotas.uniform(2, 4));
        assertThat(tally).extracting(Counted::code).containsExactly("MC-2", "MC-1", "MC-3", "SC-4", "SC-5");
        assertThat(tally).extracting(Counted::votes).containsExactly(3, 2, 2, 0, 0);
        assertThat(tally).extracting(Counted::proposed).containsExactly(true, true, false, true, true);
    }

    @Test
    void theQuorumIsMoreThanHalfOfThePanel() {
        assertThat(Tally.quorum(1)).isEqualTo(1);
        assertThat(Tally.quorum(4)).isEqualTo(3);
        assertThat(Tally.quorum(5)).isEqualTo(3);
    }
}
