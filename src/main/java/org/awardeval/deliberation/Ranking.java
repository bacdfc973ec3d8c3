package org.awardeval.deliberation;

import org.awardeval.call.Quotas;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awardeval.deliberation.Normalisation.Aggregate;

/**
 * Ranks applications per category. Order: normalised mean score, highest first; on a tie the higher raw mean; then
 * the smaller spread (judges agreeing more); then the application code, so that the ranking never depends on the
 * order of the input. The first {@code shortlist} of each category are shortlisted and the first {@code winners}
 * proposed.
 */
final class Ranking {

    public record Scored(long applicationId, String code, String categoryCode, Aggregate aggregate) {
    }

    public record Ranked(long applicationId, String code, String categoryCode, BigDecimal normalisedScore, BigDecimal meanScore,
            BigDecimal spread, boolean disagreement, int reviews, int rank, boolean shortlisted, boolean proposed) {
    }

    private Ranking() {
    }

    public static List<Ranked> rank(List<Scored> applications, Quotas quotas) {
        Map<String, List<Scored>> byCategory = new TreeMap<>();
        for (Scored application : applications) {
            byCategory.computeIfAbsent(application.categoryCode(), k -> new ArrayList<>()).add(application);
        }
        Comparator<Scored> order = Comparator.comparing((Scored s) -> round(s.aggregate().normalisedMean())).reversed()
                .thenComparing(Comparator.comparing((Scored s) -> round(s.aggregate().rawMean())).reversed())
                .thenComparing(s -> round(s.aggregate().spread()))
                .thenComparing(Scored::code);
        List<Ranked> ranking = new ArrayList<>();
        byCategory.forEach((category, members) -> {
            List<Scored> sorted = members.stream().sorted(order).toList();
            for (int i = 0; i < sorted.size(); i++) {
                Scored s = sorted.get(i);
                Aggregate a = s.aggregate();
                ranking.add(new Ranked(s.applicationId(), s.code(), category, round(a.normalisedMean()), round(a.rawMean()),
                        round(a.spread()), a.disagreement(), a.reviews(), i + 1, i < quotas.shortlist(category), i < quotas.winners(category)));
            }
        });
        return ranking;
    }

    /** Scores are compared as shown, to three decimals, so that equal-looking scores are treated as ties. */
    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }
}
