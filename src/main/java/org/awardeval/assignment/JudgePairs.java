package org.awardeval.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which judges may review which application, computed for a whole call at once: countries are turned into numbers and
 * each judge's and application's organisation names are prepared once, so that each of the millions of pairs of a large
 * call costs a few comparisons and lookups. Gives the same answers as {@link ConflictRules#eligible}.
 */
final class JudgePairs {

    /** Per application, the indexes of its eligible judges, ascending. */
    final int[][] judges;
    /** Per application and eligible judge, the position of the application's category in the judge's expertise. */
    final int[][] ranks;
    final long pairs;
    /** Per application, how many experts of its category there are, conflicts or not. */
    final int[] experts;

    private JudgePairs(int[][] judges, int[][] ranks, long pairs, int[] experts) {
        this.judges = judges;
        this.ranks = ranks;
        this.pairs = pairs;
        this.experts = experts;
    }

    static JudgePairs compute(List<ApplicationToAssign> applications, List<Judge> judgeList, boolean sameCountryIsConflict) {
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> categories = new HashMap<>();
        int n = judgeList.size();
        int[] country = new int[n];
        ConflictRules.Names[] organisations = new ConflictRules.Names[n];
        List<List<int[]>> expertsByCategory = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Judge judge = judgeList.get(j);
            country[j] = id(names, "country:" + ConflictRules.normalise(judge.country()));
            organisations[j] = ConflictRules.Names.of(judge);
            for (int rank = 0; rank < judge.expertise().size(); rank++) {
                int category = id(categories, judge.expertise().get(rank));
                while (expertsByCategory.size() <= category) {
                    expertsByCategory.add(new ArrayList<>());
                }
                expertsByCategory.get(category).add(new int[] {j, rank});
            }
        }
        int[][] eligible = new int[applications.size()][];
        int[][] ranks = new int[applications.size()][];
        int[] experts = new int[applications.size()];
        long pairs = 0;
        int[] buffer = new int[n];
        int[] rankBuffer = new int[n];
        for (int a = 0; a < applications.size(); a++) {
            ApplicationToAssign application = applications.get(a);
            int applicantCountry = id(names, "country:" + ConflictRules.normalise(application.country()));
            Integer category = categories.get(application.categoryCode());
            List<int[]> candidates = category == null || category >= expertsByCategory.size() ? List.of() : expertsByCategory.get(category);
            experts[a] = candidates.size();
            int count = 0;
            for (int[] expert : candidates) {
                int j = expert[0];
                boolean conflicted = sameCountryIsConflict && country[j] == applicantCountry
                        || application.text().conflict(organisations[j].affiliation(), organisations[j].declared()) != null;
                if (!conflicted) {
                    buffer[count] = j;
                    rankBuffer[count++] = expert[1];
                }
            }
            eligible[a] = Arrays.copyOf(buffer, count);
            ranks[a] = Arrays.copyOf(rankBuffer, count);
            pairs += count;
        }
        return new JudgePairs(eligible, ranks, pairs, experts);
    }

    int rank(int application, int judge) {
        int at = Arrays.binarySearch(judges[application], judge);
        return at < 0 ? -1 : ranks[application][at];
    }

    private static int id(Map<String, Integer> ids, String name) {
        return ids.computeIfAbsent(name, k -> ids.size());
    }
}
