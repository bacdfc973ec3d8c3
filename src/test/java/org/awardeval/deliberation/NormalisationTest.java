package org.awardeval.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.awardeval.deliberation.Normalisation.Aggregate;
import org.awardeval.deliberation.Normalisation.Review;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void aHandComputedExample() {
        // Judge J1 scores 2 and 4 (mean 3, sd 1); judge J2 scores 4 and 4 (no spread). All four: mean 3.5, sd 0.866.
        Map<Long, Aggregate> result = Normalisation.aggregate(List.of(new Review(1, "J1", 2), new Review(2, "J1", 4),
                new Review(1, "J2", 4), new Review(2, "J2", 4)));
        double sd = Math.sqrt(0.75);
        // J1: z = -1 and +1, mapped to 3.5 -/+ 0.866; shrunk by 2/(2+2) = 0.5 toward 2 and 4.
        double j1Low = 0.5 * (3.5 - sd) + 0.5 * 2;
        double j1High = 0.5 * (3.5 + sd) + 0.5 * 4;
        // J2 has no spread: only shifted from its mean 4 to 3.5, then shrunk: 0.5 * 3.5 + 0.5 * 4 = 3.75.
        assertThat(result.get(1L).normalisedMean()).isCloseTo((j1Low + 3.75) / 2, within(1e-9));
        assertThat(result.get(2L).normalisedMean()).isCloseTo((j1High + 3.75) / 2, within(1e-9));
        assertThat(result.get(1L).rawMean()).isEqualTo(3.0);
        assertThat(result.get(1L).spread()).isEqualTo(2.0);
        assertThat(result.get(1L).disagreement()).isTrue();
        assertThat(result.get(2L).disagreement()).isFalse();
        assertThat(result.get(2L).reviews()).isEqualTo(2);
    }

    @Test
    void aHarshAndALenientJudgeScoringTheSameCasesGiveTheSameRanking() {
        double[] quality = {2.2, 3.9, 3.1, 4.6, 2.8, 3.5};
        List<Review> harsh = new ArrayList<>();
        List<Review> lenient = new ArrayList<>();
        for (int i = 0; i < quality.length; i++) {
            harsh.add(new Review(i, "HARSH", Math.max(1, quality[i] - 1.0)));
            lenient.add(new Review(i, "LENIENT", Math.min(5, 0.5 * quality[i] + 2.6)));
        }
        assertThat(order(Normalisation.aggregate(harsh))).isEqualTo(order(Normalisation.aggregate(lenient)))
                .containsExactly(3L, 1L, 5L, 2L, 4L, 0L);
    }

    @Test
    void severityNoLongerDecidesWhenJudgesReviewDifferentCases() {
        // Cases 1 and 2 are equally good; case 1 drew the harsh judge, case 2 the lenient one.
        List<Review> reviews = new ArrayList<>();
        for (int i = 10; i < 16; i++) {
            reviews.add(new Review(i, "HARSH", 1.5 + (i % 3) * 0.5));
            reviews.add(new Review(i, "LENIENT", 3.5 + (i % 3) * 0.5));
        }
        reviews.add(new Review(1, "HARSH", 2.0));
        reviews.add(new Review(2, "LENIENT", 4.0));
        Map<Long, Aggregate> result = Normalisation.aggregate(reviews);
        assertThat(result.get(2L).rawMean() - result.get(1L).rawMean()).isEqualTo(2.0);
        // Both judges have 7 reviews with the same pattern, so their corrected scores are equal; what is left of the raw
        // gap is the shrinkage share K / (7 + K) = 2/9 of it.
        assertThat(result.get(2L).normalisedMean() - result.get(1L).normalisedMean()).isCloseTo(2.0 * 2 / 9, within(1e-9));
    }

    private static List<Long> order(Map<Long, Aggregate> aggregates) {
        return aggregates.values().stream().sorted(Comparator.comparingDouble(Aggregate::normalisedMean).reversed())
                .map(Aggregate::applicationId).toList();
    }
}
