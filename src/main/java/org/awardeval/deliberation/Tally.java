package org.awardeval.deliberation;

import org.awardeval.call.Quotas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the panel's votes on the shortlist. Per category the most voted applications are proposed as winners, up to
 * the call's number of winners; equal votes are decided by the review ranking, so with no votes at all the proposal is
 * the ranking itself.
 */
final class Tally {

    public record Entry(long applicationId, String code, String categoryCode, int rank) {
    }

    public record Counted(long applicationId, String code, String categoryCode, int rank, int votes, boolean proposed) {
    }

    private Tally() {
    }

    public static List<Counted> count(List<Entry> shortlist, Map<Long, Integer> votes, Quotas quotas) {
        Map<String, List<Entry>> byCategory = new TreeMap<>();
        shortlist.forEach(e -> byCategory.computeIfAbsent(e.categoryCode(), k -> new ArrayList<>()).add(e));
        Comparator<Entry> order = Comparator.comparingInt((Entry e) -> votes.getOrDefault(e.applicationId(), 0)).reversed()
                .thenComparingInt(Entry::rank).thenComparing(Entry::code);
        List<Counted> counted = new ArrayList<>();
        byCategory.forEach((category, entries) -> {
            List<Entry> sorted = entries.stream().sorted(order).toList();
            for (int i = 0; i < sorted.size(); i++) {
                Entry e = sorted.get(i);
                counted.add(new Counted(e.applicationId(), e.code(), e.categoryCode(), e.rank(), votes.getOrDefault(e.applicationId(), 0),
                        i < quotas.winners(category)));
            }
        });
        return counted;
    }

    /** More than half of the panel. */
    public static int quorum(int panelSize) {
        return panelSize / 2 + 1;
    }
}
