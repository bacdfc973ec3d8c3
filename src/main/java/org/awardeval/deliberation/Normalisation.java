package org.awardeval.deliberation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Corrects for judges' severity. Each review total is first re-expressed on the call's scale: a judge's scores are
 * shifted to the call's mean and stretched to the call's spread (a z-score per judge, mapped back). That correction
 * is then shrunk toward the raw score by n / (n + K) for a judge with n reviews, so a judge with few reviews is barely
 * corrected. A judge whose scores do not vary is only shifted.
 */
final class Normalisation {

    /** How many reviews a judge needs for half of the correction. */
    public static final double K = 2.0;
    /** A spread of raw totals (max - min, on the 1 to 5 scale) from which an application is flagged. */
    public static final double DISAGREEMENT = 1.5;

    public record Review(long applicationId, String judgeCode, double total) {
    }

    public record Aggregate(long applicationId, double normalisedMean, double rawMean, double spread, boolean disagreement,
            int reviews, double normalisedSpread) {

        public Aggregate(long applicationId, double normalisedMean, double rawMean, double spread, boolean disagreement, int reviews) {
            this(applicationId, normalisedMean, rawMean, spread, disagreement, reviews, spread);
        }
    }

    private Normalisation() {
    }

    public static Map<Long, Aggregate> aggregate(List<Review> reviews) {
        Map<Long, Aggregate> result = new TreeMap<>();
        if (reviews.isEmpty()) {
            return result;
        }
        double mean = mean(reviews.stream().map(Review::total).toList());
        double sd = sd(reviews.stream().map(Review::total).toList(), mean);
        Map<String, List<Double>> byJudge = new HashMap<>();
        reviews.forEach(r -> byJudge.computeIfAbsent(r.judgeCode(), k -> new ArrayList<>()).add(r.total()));

        Map<Long, List<Double>> raw = new TreeMap<>();
        Map<Long, List<Double>> normalised = new TreeMap<>();
        for (Review r : reviews) {
            List<Double> own = byJudge.get(r.judgeCode());
            double judgeMean = mean(own);
            double judgeSd = sd(own, judgeMean);
            double corrected = judgeSd > 1e-9 && sd > 1e-9 ? mean + sd * (r.total() - judgeMean) / judgeSd : r.total() - judgeMean + mean;
            double weight = own.size() / (own.size() + K);
            raw.computeIfAbsent(r.applicationId(), k -> new ArrayList<>()).add(r.total());
            normalised.computeIfAbsent(r.applicationId(), k -> new ArrayList<>()).add(weight * corrected + (1 - weight) * r.total());
        }
        raw.forEach((applicationId, totals) -> {
            double spread = totals.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                    - totals.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            List<Double> corrected = normalised.get(applicationId);
            double normalisedSpread = corrected.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                    - corrected.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            result.put(applicationId, new Aggregate(applicationId, mean(corrected), mean(totals), spread,
                    spread >= DISAGREEMENT - 1e-9, totals.size(), normalisedSpread));
        });
        return result;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static double sd(List<Double> values, double mean) {
        if (values.size() < 2) {
            return 0;
        }
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size());
    }
}
