package org.awardeval.assignment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the solver decided, how good it is, and how it got there. */
record AssignmentPlan(List<Pick> picks, long objective, String method, Figures figures) {

    public record Pick(long applicationId, long judgeId) {
    }

    /**
     * @param loadSpread          the largest load minus the smallest, among judges who could take a review
     * @param primaryExpertise    reviews by a judge whose first expertise is the application's category
     * @param regionDiverse       applications whose judges come from two regions or more, of those whose pool allows it
     * @param genderDiverse       applications whose judges are not all of one gender, of those whose pool allows it
     */
    public record Figures(int applications, int reviews, long eligiblePairs, int judgesUsed, int minLoad, int maxLoad,
            double meanLoad, double loadStandardDeviation, int loadSpread, int primaryExpertise, int regionDiverse,
            int regionDiversePossible, int genderDiverse, int genderDiversePossible, long conflictMillis, long solveMillis) {
    }

    /** An application that cannot get its judges, and why. */
    public record Shortfall(String code, String categoryCode, int needed, int assigned, int freeOfConflicts) {
        @Override
        public String toString() {
            String why = freeOfConflicts < needed
                    ? "only " + freeOfConflicts + " judge(s) of category " + categoryCode + " are free of conflicts"
                    : "the judges of category " + categoryCode + " free of conflicts are at their maximum load";
            return code + " (category " + categoryCode + "): " + (needed - assigned) + " judge(s) short; " + why;
        }
    }

    /** No assignment gives every application its judges; the message names each application, its category and the gap. */
    public static class InfeasibleException extends RuntimeException {
        private final List<Shortfall> shortfalls;

        static final int LISTED = 20;

        public InfeasibleException(List<Shortfall> shortfalls) {
            super(message(shortfalls));
            this.shortfalls = List.copyOf(shortfalls);
        }

        /** Per category how many reviews are missing, then the applications, the first {@value #LISTED} by name. */
        private static String message(List<Shortfall> shortfalls) {
            Map<String, Integer> missing = new TreeMap<>();
            shortfalls.forEach(s -> missing.merge(s.categoryCode(), s.needed() - s.assigned(), Integer::sum));
            StringBuilder text = new StringBuilder("No assignment gives every application its judges: ");
            text.append(String.join(", ", missing.entrySet().stream()
                    .map(e -> "category " + e.getKey() + " is " + e.getValue() + " review(s) short").toList()));
            text.append(". ").append(shortfalls.size()).append(" application(s) lack judges: ");
            text.append(String.join("; ", shortfalls.stream().limit(LISTED).map(Shortfall::toString).toList()));
            if (shortfalls.size() > LISTED) {
                text.append("; and ").append(shortfalls.size() - LISTED).append(" more");
            }
            return text.toString();
        }

        public List<Shortfall> shortfalls() {
            return shortfalls;
        }
    }
}
