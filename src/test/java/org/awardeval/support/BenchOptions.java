package org.awardeval.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A micro-benchmark's command line, {@code --name value} pairs of integers, and the median it reports. */
public final class BenchOptions {

    private final Map<String, String> given = new HashMap<>();

    public BenchOptions(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
    }

    public int get(String name, int defaultValue) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : defaultValue;
    }

    /** The median, rounded to so many decimals. */
    public static double median(double[] values, int decimals) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double scale = Math.pow(10, decimals);
        return Math.round(sorted[sorted.length / 2] * scale) / scale;
    }
}
