package org.awardeval.call;

import java.util.Map;

/**
 * How many cases each category of a call awards and puts on the panel's shortlist: the call's number for every category
 * (the default), or a category's own.
 */
public record Quotas(int winners, int shortlist, Map<String, Integer> winnersByCategory, Map<String, Integer> shortlistByCategory) {

    public static Quotas uniform(int winners, int shortlist) {
        return new Quotas(winners, shortlist, Map.of(), Map.of());
    }

    public int winners(String category) {
        return winnersByCategory.getOrDefault(category, winners);
    }

    /** A category's shortlist: its own, else the call's when it awards the call's number, else twice its winners. */
    public int shortlist(String category) {
        Integer own = shortlistByCategory.get(category);
        if (own != null) {
            return own;
        }
        int categoryWinners = winners(category);
        return categoryWinners == winners ? shortlist : 2 * categoryWinners;
    }
}
