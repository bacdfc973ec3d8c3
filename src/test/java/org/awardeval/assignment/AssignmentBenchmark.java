package org.awardeval.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The assignment benchmark (bench/assignment.sh): a generated call of N applications with M judges, 3 reviews each,
 * conflicts from shared countries (1 in 50) and declared conflicts. Prints the time to compute conflicts and to
 * solve, the objective and the balance figures; the last line is one JSON object.
 */
public final class AssignmentBenchmark {

    private AssignmentBenchmark() {
    }

    public static void main(String[] args) {
        int applications = intArg(args, "--applications", 10_000);
        int judges = intArg(args, "--judges", 500);
        int reviews = intArg(args, "--reviews", 3);
        int runs = intArg(args, "--runs", 3);
        Random random = new Random(2025);
        List<String> categories = List.of("MC", "NC", "SC", "IU");
        List<String> regions = List.of("Africa", "Arab States", "Asia and the Pacific", "Europe and North America",
                "Latin America and the Caribbean");
        int countries = 50;
        int organisations = applications * 6 / 10;

        List<Judge> js = new ArrayList<>();
        for (int j = 0; j < judges; j++) {
            String first = categories.get(random.nextInt(4));
            List<String> expertise = random.nextBoolean() ? List.of(first)
                    : List.of(first, categories.get((categories.indexOf(first) + 1 + random.nextInt(3)) % 4));
            Set<String> declared = Set.of("organisation " + random.nextInt(organisations), "organisation " + random.nextInt(organisations));
            int country = random.nextInt(countries);
            js.add(new Judge(j + 1, "judge" + j, "J-" + (j + 1), "Judge " + j, "j" + j + "@bench.test", random.nextBoolean() ? "F" : "M",
                    "country " + country, regions.get(country % regions.size()), "affiliation " + j,
                    (int) Math.ceil(1.5 * applications * reviews / (double) judges), expertise, declared));
        }
        List<ApplicationToAssign> as = new ArrayList<>();
        for (int a = 0; a < applications; a++) {
            String category = categories.get(random.nextInt(4));
            String partners = random.nextInt(10) == 0 ? "affiliation " + random.nextInt(judges) : "";
            String organisation = "organisation " + random.nextInt(organisations);
            as.add(new ApplicationToAssign(a + 1, "PA-" + category + "-" + (a + 1), category, organisation,
                    "country " + random.nextInt(countries),
                    org.awardeval.conflicts.ApplicationText.of(organisation, partners,
                            "A programme for lecturers, run with the ministry and three universities, reaching 300 educators.")));
        }
        long expertPairs = 0;
        for (ApplicationToAssign a : as) {
            expertPairs += js.stream().filter(j -> j.expertise().contains(a.categoryCode())).count();
        }
        AssignmentSolver.Settings settings = new AssignmentSolver.Settings(reviews, true);
        AssignmentPlan plan = null;
        long bestConflict = Long.MAX_VALUE;
        long bestSolve = Long.MAX_VALUE;
        for (int run = 1; run <= runs; run++) {
            plan = AssignmentSolver.solve(as, js, settings);
            AssignmentPlan.Figures f = plan.figures();
            bestConflict = Math.min(bestConflict, f.conflictMillis());
            bestSolve = Math.min(bestSolve, f.solveMillis());
            System.out.printf(Locale.ROOT, "run %d: conflicts %d ms, solve %d ms%n", run, f.conflictMillis(), f.solveMillis());
        }
        AssignmentPlan.Figures f = plan.figures();
        double conflictShare = 100.0 * (expertPairs - f.eligiblePairs()) / expertPairs;
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf(Locale.ROOT, "%d applications x %d reviews over %d judges; %d expert pairs, %.2f%% of them conflicted, %d eligible%n",
                applications, reviews, judges, expertPairs, conflictShare, f.eligiblePairs());
        System.out.printf(Locale.ROOT, "method: %s%nobjective: %d%n", plan.method(), plan.objective());
        System.out.printf(Locale.ROOT, "loads: min %d, max %d, mean %.2f, sd %.2f; judges used %d%n", f.minLoad(), f.maxLoad(),
                f.meanLoad(), f.loadStandardDeviation(), f.judgesUsed());
        System.out.printf(Locale.ROOT, "primary expertise: %d of %d reviews; two regions or more: %d of %d; not all one gender: %d of %d%n",
                f.primaryExpertise(), f.reviews(), f.regionDiverse(), f.regionDiversePossible(), f.genderDiverse(), f.genderDiversePossible());
        System.out.printf(Locale.ROOT, "{\"applications\":%d,\"judges\":%d,\"reviews\":%d,\"conflict_share_pct\":%.2f,\"eligible_pairs\":%d,"
                        + "\"conflicts_ms\":%d,\"solve_ms\":%d,\"objective\":%d,\"min_load\":%d,\"max_load\":%d,\"load_sd\":%.3f,"
                        + "\"primary_expertise\":%d,\"region_diverse\":%d,\"region_possible\":%d,\"gender_diverse\":%d,\"gender_possible\":%d,"
                        + "\"heap_mb\":%d,\"method\":\"%s\"}%n",
                applications, judges, reviews, conflictShare, f.eligiblePairs(), bestConflict, bestSolve, plan.objective(), f.minLoad(),
                f.maxLoad(), f.loadStandardDeviation(), f.primaryExpertise(), f.regionDiverse(), f.regionDiversePossible(), f.genderDiverse(),
                f.genderDiversePossible(), heapMb, plan.method());
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
