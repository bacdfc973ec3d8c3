package org.awardeval.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import org.awardeval.assignment.AssignmentPlan.Figures;
import org.awardeval.assignment.AssignmentPlan.InfeasibleException;
import org.awardeval.assignment.AssignmentPlan.Pick;
import org.awardeval.assignment.AssignmentPlan.Shortfall;

/**
 * Assigns judges to applications, optimally. Hard: every application gets exactly N judges, each an expert of its
 * category free of conflicts, no judge above their maximum load. The cost to minimise, in this order of weight:
 * an application whose judges all come from one region, or are all of one gender, although its pool of eligible judges
 * allows otherwise ({@link #DIVERSITY_PENALTY} each); uneven loads ({@link #LOAD_WEIGHT} times the sum of squared loads,
 * which is smallest when loads are as even as the pool allows); and weaker expertise ({@link #EXPERTISE_WEIGHT} per
 * step down a judge's list of expertise).
 *
 * <p>Everything but the gender balance is a min-cost flow, solved exactly: source, application (N units), one node per
 * region of its pool (N - 1 units free, the last penalised), judge, sink (the k-th review of a judge costs
 * LOAD_WEIGHT * (2k - 1)). Where the flow leaves applications with judges of one gender, CP-SAT solves the whole model,
 * starting from the flow's answer, when it is small enough to prove optimality; on larger calls a greedy exchange
 * swaps in a judge of another gender at the least cost.
 */
final class AssignmentSolver {

    public static final long LOAD_WEIGHT = 10;
    public static final long EXPERTISE_WEIGHT = 4;
    public static final long DIVERSITY_PENALTY = 1_000_000;

    /**
     * @param cpSatPairLimit up to this many eligible pairs CP-SAT re-solves the model for gender balance
     * @param cpSatSeconds   its time limit
     */
    public record Settings(int reviewsPerApplication, boolean sameCountryIsConflict, long cpSatPairLimit, double cpSatSeconds) {
        public Settings(int reviewsPerApplication, boolean sameCountryIsConflict) {
            this(reviewsPerApplication, sameCountryIsConflict, 20_000, 20);
        }
    }

    static {
        Loader.loadNativeLibraries();
    }

    private final List<ApplicationToAssign> applications;
    private final List<Judge> judges;
    private final Settings settings;
    private final int n;
    private final JudgePairs eligibility;
    private final long conflictMillis;
    private final String[] regionOf;
    private final String[] genderOf;
    private final boolean[] regionPoolDiverse;
    private final boolean[] genderPoolDiverse;

    private AssignmentSolver(List<ApplicationToAssign> applications, List<Judge> judges, Settings settings) {
        this.applications = applications;
        this.judges = judges;
        this.settings = settings;
        this.n = settings.reviewsPerApplication();
        long start = System.nanoTime();
        this.eligibility = JudgePairs.compute(applications, judges, settings.sameCountryIsConflict());
        this.conflictMillis = (System.nanoTime() - start) / 1_000_000;
        regionOf = judges.stream().map(j -> j.region() == null || j.region().isBlank() ? "(unknown)" : j.region().strip()).toArray(String[]::new);
        genderOf = judges.stream().map(j -> j.gender() == null || j.gender().isBlank() ? null : j.gender().strip().toUpperCase()).toArray(String[]::new);
        regionPoolDiverse = new boolean[applications.size()];
        genderPoolDiverse = new boolean[applications.size()];
        for (int a = 0; a < applications.size(); a++) {
            Set<String> regions = new HashSet<>();
            Set<String> genders = new HashSet<>();
            for (int j : eligibility.judges[a]) {
                regions.add(regionOf[j]);
                if (genderOf[j] != null) {
                    genders.add(genderOf[j]);
                }
            }
            regionPoolDiverse[a] = n >= 2 && regions.size() >= 2;
            genderPoolDiverse[a] = n >= 2 && genders.size() >= 2;
        }
    }

    /** The optimal assignment, or an {@link InfeasibleException} that names every application short of judges. */
    public static AssignmentPlan solve(List<ApplicationToAssign> applications, List<Judge> judges, Settings settings) {
        return new AssignmentSolver(applications, judges, settings).solve();
    }

    /** The cost of an assignment under the solver's objective; for checking, and for the figures. */
    public static long objective(List<ApplicationToAssign> applications, List<Judge> judges, Settings settings, List<Pick> picks) {
        AssignmentSolver solver = new AssignmentSolver(applications, judges, settings);
        return solver.cost(solver.toIndexes(picks));
    }

    private AssignmentPlan solve() {
        long start = System.nanoTime();
        int[][] chosen = flow();
        String method = "min-cost flow (optimal)";
        List<Integer> unbalanced = genderViolations(chosen);
        if (!unbalanced.isEmpty()) {
            if (eligibility.pairs <= settings.cpSatPairLimit()) {
                CpSatAnswer answer = cpSat(chosen);
                if (answer != null && cost(answer.chosen()) < cost(chosen)) {
                    chosen = answer.chosen();
                }
                method = "min-cost flow, then CP-SAT for gender balance"
                        + (answer != null && answer.optimal() ? " (optimal)" : " (best found within the time limit)");
            } else {
                exchange(chosen, unbalanced);
                method = "min-cost flow (optimal without gender balance), then a greedy exchange for gender balance";
            }
        }
        long solveMillis = (System.nanoTime() - start) / 1_000_000;
        List<Pick> picks = new ArrayList<>();
        for (int a = 0; a < chosen.length; a++) {
            for (int j : chosen[a]) {
                picks.add(new Pick(applications.get(a).applicationId(), judges.get(j).id()));
            }
        }
        return new AssignmentPlan(picks, cost(chosen), method, figures(chosen, solveMillis));
    }

    /** Stage one: the exact min-cost flow of everything but the gender balance. */
    private int[][] flow() {
        int apps = applications.size();
        int source = 0;
        int sink = 1;
        int firstJudge = 2 + apps;
        int nextNode = firstJudge + judges.size();
        MinCostFlow flow = new MinCostFlow();
        try {
            int[] pairApp = new int[(int) eligibility.pairs];
            int[] pairJudge = new int[(int) eligibility.pairs];
            int[] pairArc = new int[(int) eligibility.pairs];
            int p = 0;
            for (int a = 0; a < apps; a++) {
                int appNode = 2 + a;
                flow.addArcWithCapacityAndUnitCost(source, appNode, n, 0);
                int[] pool = eligibility.judges[a];
                Map<String, Integer> regionNode = new HashMap<>();
                for (int k = 0; k < pool.length; k++) {
                    int j = pool[k];
                    int from = appNode;
                    if (regionPoolDiverse[a]) {
                        Integer node = regionNode.get(regionOf[j]);
                        if (node == null) {
                            node = nextNode++;
                            regionNode.put(regionOf[j], node);
                            flow.addArcWithCapacityAndUnitCost(appNode, node, n - 1, 0);
                            flow.addArcWithCapacityAndUnitCost(appNode, node, 1, DIVERSITY_PENALTY);
                        }
                        from = node;
                    }
                    pairApp[p] = a;
                    pairJudge[p] = j;
                    pairArc[p++] = flow.addArcWithCapacityAndUnitCost(from, firstJudge + j, 1, EXPERTISE_WEIGHT * eligibility.ranks[a][k]);
                }
            }
            long demand = (long) apps * n;
            for (int j = 0; j < judges.size(); j++) {
                long capacity = Math.min(judges.get(j).maxLoad(), demand);
                for (long k = 1; k <= capacity; k++) {
                    flow.addArcWithCapacityAndUnitCost(firstJudge + j, sink, 1, LOAD_WEIGHT * (2 * k - 1));
                }
            }
            flow.setNodeSupply(source, demand);
            flow.setNodeSupply(sink, -demand);
            // The plain solve is the faster; only a call short of judges needs the max-flow variant, to see who is short.
            MinCostFlowBase.Status status = flow.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                status = flow.solveMaxFlowWithMinCost();
            }
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("The min-cost flow solver ended with " + status);
            }
            int[] count = new int[apps];
            int[][] chosen = new int[apps][n];
            for (int k = 0; k < p; k++) {
                if (flow.getFlow(pairArc[k]) > 0) {
                    int a = pairApp[k];
                    chosen[a][count[a]++] = pairJudge[k];
                }
            }
            if (Arrays.stream(count).asLongStream().sum() < demand) {
                List<Shortfall> shortfalls = new ArrayList<>();
                for (int a = 0; a < apps; a++) {
                    if (count[a] < n) {
                        ApplicationToAssign c = applications.get(a);
                        shortfalls.add(new Shortfall(c.code(), c.categoryCode(), n, count[a], eligibility.judges[a].length));
                    }
                }
                throw new InfeasibleException(shortfalls);
            }
            for (int[] row : chosen) {
                Arrays.sort(row);
            }
            return chosen;
        } finally {
            flow.delete();
        }
    }

    private List<Integer> genderViolations(int[][] chosen) {
        List<Integer> violations = new ArrayList<>();
        for (int a = 0; a < chosen.length; a++) {
            if (genderPoolDiverse[a] && oneGender(chosen[a])) {
                violations.add(a);
            }
        }
        return violations;
    }

    private record CpSatAnswer(int[][] chosen, boolean optimal) {
    }

    /** Stage two for calls within its reach: CP-SAT on the whole model, hinted with the flow's answer. */
    private CpSatAnswer cpSat(int[][] hint) {
        CpModel model = new CpModel();
        int apps = applications.size();
        BoolVar[][] x = new BoolVar[apps][];
        List<List<BoolVar>> byJudge = new ArrayList<>();
        judges.forEach(j -> byJudge.add(new ArrayList<>()));
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int a = 0; a < apps; a++) {
            int[] pool = eligibility.judges[a];
            x[a] = new BoolVar[pool.length];
            Set<Integer> hinted = new HashSet<>();
            Arrays.stream(hint[a]).forEach(hinted::add);
            Map<String, List<BoolVar>> byRegion = new HashMap<>();
            Map<String, List<BoolVar>> byGender = new HashMap<>();
            for (int k = 0; k < pool.length; k++) {
                int j = pool[k];
                x[a][k] = model.newBoolVar("x_" + a + "_" + j);
                model.addHint(x[a][k], hinted.contains(j) ? 1 : 0);
                byJudge.get(j).add(x[a][k]);
                objective.addTerm(x[a][k], EXPERTISE_WEIGHT * eligibility.ranks[a][k]);
                byRegion.computeIfAbsent(regionOf[j], r -> new ArrayList<>()).add(x[a][k]);
                if (genderOf[j] != null) {
                    byGender.computeIfAbsent(genderOf[j], g -> new ArrayList<>()).add(x[a][k]);
                }
            }
            model.addEquality(LinearExpr.sum(x[a]), n);
            if (regionPoolDiverse[a]) {
                diversity(model, objective, byRegion, "r" + a, oneRegion(hint[a]));
            }
            if (genderPoolDiverse[a]) {
                diversity(model, objective, byGender, "g" + a, oneGender(hint[a]));
            }
        }
        int[] hintLoads = loads(hint);
        for (int j = 0; j < judges.size(); j++) {
            List<BoolVar> assigned = byJudge.get(j);
            if (assigned.isEmpty()) {
                continue;
            }
            int max = Math.min(judges.get(j).maxLoad(), assigned.size());
            IntVar load = model.newIntVar(0, max, "load_" + j);
            model.addEquality(load, LinearExpr.sum(assigned.toArray(BoolVar[]::new)));
            IntVar square = model.newIntVar(0, (long) max * max, "square_" + j);
            model.addMultiplicationEquality(square, load, load);
            model.addHint(load, hintLoads[j]);
            model.addHint(square, (long) hintLoads[j] * hintLoads[j]);
            objective.addTerm(square, LOAD_WEIGHT);
        }
        model.minimize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(settings.cpSatSeconds()).setNumWorkers(2).setRandomSeed(1);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        int[][] chosen = new int[apps][n];
        for (int a = 0; a < apps; a++) {
            int c = 0;
            for (int k = 0; k < x[a].length; k++) {
                if (solver.booleanValue(x[a][k])) {
                    chosen[a][c++] = eligibility.judges[a][k];
                }
            }
        }
        return new CpSatAnswer(chosen, status == CpSolverStatus.OPTIMAL);
    }

    /** At most N - 1 judges from any one group, or a penalty. */
    private void diversity(CpModel model, LinearExprBuilder objective, Map<String, List<BoolVar>> groups, String name, boolean hinted) {
        BoolVar violated = model.newBoolVar("one_" + name);
        model.addHint(violated, hinted ? 1 : 0);
        for (List<BoolVar> group : groups.values()) {
            LinearExprBuilder members = LinearExpr.newBuilder();
            group.forEach(v -> members.addTerm(v, 1));
            members.addTerm(violated, -1);
            model.addLessOrEqual(members, n - 1);
        }
        objective.addTerm(violated, DIVERSITY_PENALTY);
    }

    /** Stage two for large calls: swap one judge of each one-gender application for the cheapest free judge of another. */
    private void exchange(int[][] chosen, List<Integer> unbalanced) {
        int[] load = loads(chosen);
        for (int a : unbalanced) {
            int[] pool = eligibility.judges[a];
            String gender = genderOf[chosen[a][0]];
            long best = 0;
            int bestOut = -1;
            int bestIn = -1;
            boolean keepRegions = regionPoolDiverse[a] && !oneRegion(chosen[a]);
            for (int slot = 0; slot < n; slot++) {
                int out = chosen[a][slot];
                String otherRegion = null;
                boolean othersShareRegion = true;
                for (int other : chosen[a]) {
                    if (other != out) {
                        othersShareRegion &= otherRegion == null || otherRegion.equals(regionOf[other]);
                        otherRegion = regionOf[other];
                    }
                }
                for (int k = 0; k < pool.length; k++) {
                    int in = pool[k];
                    if (genderOf[in] == null || genderOf[in].equals(gender) || load[in] >= judges.get(in).maxLoad()
                            || contains(chosen[a], in)) {
                        continue;
                    }
                    // The swap may not leave all judges in one region when they were not before.
                    if (keepRegions && othersShareRegion && regionOf[in].equals(otherRegion)) {
                        continue;
                    }
                    long delta = LOAD_WEIGHT * ((2L * load[in] + 1) - (2L * load[out] - 1))
                            + EXPERTISE_WEIGHT * (eligibility.ranks[a][k] - eligibility.rank(a, out)) - DIVERSITY_PENALTY;
                    if (delta < best) {
                        best = delta;
                        bestOut = slot;
                        bestIn = in;
                    }
                }
            }
            if (bestIn >= 0) {
                load[chosen[a][bestOut]]--;
                load[bestIn]++;
                chosen[a][bestOut] = bestIn;
                Arrays.sort(chosen[a]);
            }
        }
    }

    private long cost(int[][] chosen) {
        long total = 0;
        for (int load : loads(chosen)) {
            total += LOAD_WEIGHT * load * load;
        }
        for (int a = 0; a < chosen.length; a++) {
            for (int j : chosen[a]) {
                total += EXPERTISE_WEIGHT * eligibility.rank(a, j);
            }
            if (regionPoolDiverse[a] && oneRegion(chosen[a])) {
                total += DIVERSITY_PENALTY;
            }
            if (genderPoolDiverse[a] && oneGender(chosen[a])) {
                total += DIVERSITY_PENALTY;
            }
        }
        return total;
    }

    private Figures figures(int[][] chosen, long solveMillis) {
        int[] load = loads(chosen);
        int used = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        double sum = 0;
        int available = 0;
        boolean[] inSomePool = new boolean[judges.size()];
        for (int[] pool : eligibility.judges) {
            for (int j : pool) {
                inSomePool[j] = true;
            }
        }
        for (int j = 0; j < load.length; j++) {
            if (!inSomePool[j]) {
                continue;
            }
            available++;
            used += load[j] > 0 ? 1 : 0;
            min = Math.min(min, load[j]);
            max = Math.max(max, load[j]);
            sum += load[j];
        }
        double mean = available == 0 ? 0 : sum / available;
        double squares = 0;
        for (int j = 0; j < load.length; j++) {
            if (inSomePool[j]) {
                squares += (load[j] - mean) * (load[j] - mean);
            }
        }
        int primary = 0;
        int regionDiverse = 0;
        int regionPossible = 0;
        int genderDiverse = 0;
        int genderPossible = 0;
        for (int a = 0; a < chosen.length; a++) {
            for (int j : chosen[a]) {
                primary += eligibility.rank(a, j) == 0 ? 1 : 0;
            }
            if (regionPoolDiverse[a]) {
                regionPossible++;
                regionDiverse += oneRegion(chosen[a]) ? 0 : 1;
            }
            if (genderPoolDiverse[a]) {
                genderPossible++;
                genderDiverse += oneGender(chosen[a]) ? 0 : 1;
            }
        }
        return new Figures(chosen.length, chosen.length * n, eligibility.pairs, used, available == 0 ? 0 : min, max, mean,
                available == 0 ? 0 : Math.sqrt(squares / available), available == 0 ? 0 : max - min, primary, regionDiverse,
                regionPossible, genderDiverse, genderPossible, conflictMillis, solveMillis);
    }

    private int[] loads(int[][] chosen) {
        int[] load = new int[judges.size()];
        for (int[] row : chosen) {
            for (int j : row) {
                load[j]++;
            }
        }
        return load;
    }

    private boolean oneRegion(int[] row) {
        return Arrays.stream(row).mapToObj(j -> regionOf[j]).distinct().count() == 1;
    }

    private boolean oneGender(int[] row) {
        String first = genderOf[row[0]];
        return first != null && Arrays.stream(row).allMatch(j -> first.equals(genderOf[j]));
    }

    private static boolean contains(int[] row, int value) {
        return Arrays.stream(row).anyMatch(v -> v == value);
    }

    private int[][] toIndexes(List<Pick> picks) {
        Map<Long, Integer> appIndex = new HashMap<>();
        Map<Long, Integer> judgeIndex = new HashMap<>();
        for (int a = 0; a < applications.size(); a++) {
            appIndex.put(applications.get(a).applicationId(), a);
        }
        for (int j = 0; j < judges.size(); j++) {
            judgeIndex.put(judges.get(j).id(), j);
        }
        List<List<Integer>> rows = new ArrayList<>();
        applications.forEach(a -> rows.add(new ArrayList<>()));
        picks.forEach(p -> rows.get(appIndex.get(p.applicationId())).add(judgeIndex.get(p.judgeId())));
        return rows.stream().map(r -> r.stream().mapToInt(Integer::intValue).sorted().toArray()).toArray(int[][]::new);
    }
}
