package org.awardeval.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives every application N judges of its category, none from the applicant's organisation or country, each judge
 * within their maximum load; each pick goes to the least-loaded free judge, and the applications with the fewest
 * possible judges are served first.
 */
public final class AssignmentPlanner {

    public record Candidate(long applicationId, String code, String categoryCode, String organisationName, String country) {
    }

    public record Pick(long applicationId, long judgeId) {
    }

    public record Shortfall(String code, String categoryCode, int needed, int available) {
        @Override
        public String toString() {
            return code + " (category " + categoryCode + "): " + available + " of " + needed + " judges available";
        }
    }

    /** No assignment satisfies the constraints; the message says which applications lack how many judges. */
    public static class InfeasibleException extends RuntimeException {
        private final List<Shortfall> shortfalls;

        public InfeasibleException(List<Shortfall> shortfalls) {
            super("Not enough judges free of conflicts for " + shortfalls.size() + " application(s): " + shortfalls);
            this.shortfalls = List.copyOf(shortfalls);
        }

        public List<Shortfall> shortfalls() {
            return shortfalls;
        }
    }

    private AssignmentPlanner() {
    }

    public static boolean conflicted(Judge judge, Candidate application) {
        return normalise(judge.affiliation()).equals(normalise(application.organisationName()))
                || normalise(judge.country()).equals(normalise(application.country()));
    }

    public static boolean qualified(Judge judge, Candidate application) {
        return judge.expertise().contains(application.categoryCode()) && !conflicted(judge, application);
    }

    public static List<Pick> plan(List<Candidate> applications, List<Judge> judges, int reviewsPerApplication) {
        Map<Long, List<Judge>> eligible = new HashMap<>();
        for (Candidate application : applications) {
            eligible.put(application.applicationId(), judges.stream().filter(j -> qualified(j, application)).toList());
        }
        List<Candidate> order = new ArrayList<>(applications);
        order.sort(Comparator.comparingInt((Candidate a) -> eligible.get(a.applicationId()).size()).thenComparing(Candidate::code));

        Map<Long, Integer> load = new HashMap<>();
        List<Pick> picks = new ArrayList<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Candidate application : order) {
            List<Judge> free = eligible.get(application.applicationId()).stream()
                    .filter(j -> load.getOrDefault(j.id(), 0) < j.maxLoad())
                    .sorted(Comparator.comparingInt((Judge j) -> load.getOrDefault(j.id(), 0)).thenComparingLong(Judge::id))
                    .limit(reviewsPerApplication)
                    .toList();
            if (free.size() < reviewsPerApplication) {
                shortfalls.add(new Shortfall(application.code(), application.categoryCode(), reviewsPerApplication, free.size()));
                continue;
            }
            for (Judge judge : free) {
                load.merge(judge.id(), 1, Integer::sum);
                picks.add(new Pick(application.applicationId(), judge.id()));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new InfeasibleException(shortfalls);
        }
        return picks;
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
