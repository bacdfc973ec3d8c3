package org.awardeval.call;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The award's criteria, each scored 1 to 5; the review form's fields are named score_ followed by the criterion. A
 * call weighs them; a criterion it does not weigh counts once.
 */
public final class Rubric {

    public static final Map<String, String> LABELS = labels();
    public static final List<String> CRITERIA = List.copyOf(LABELS.keySet());
    public static final int MIN = 1;
    public static final int MAX = 5;
    public static final BigDecimal MAX_WEIGHT = BigDecimal.TEN;

    private Rubric() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("innovation", "Innovation");
        labels.put("impact", "Impact and reach");
        labels.put("equity", "Equity and inclusion");
        labels.put("transferability", "Transferability");
        labels.put("sustainability", "Sustainability and policy alignment");
        return labels;
    }

    /** The weighted mean of the scores, on the 1 to 5 scale. */
    public static BigDecimal total(Map<String, Integer> scores, Map<String, BigDecimal> weights) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weightSum = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> score : scores.entrySet()) {
            BigDecimal weight = weights.getOrDefault(score.getKey(), BigDecimal.ONE);
            sum = sum.add(weight.multiply(BigDecimal.valueOf(score.getValue())));
            weightSum = weightSum.add(weight);
        }
        return sum.divide(weightSum, 3, RoundingMode.HALF_UP);
    }
}
