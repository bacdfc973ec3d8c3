package org.awardeval.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awardeval.assignment.AssignmentPlan.InfeasibleException;
import org.awardeval.assignment.AssignmentPlan.Pick;
import org.awardeval.assignment.AssignmentSolver.Settings;
import org.awardeval.conflicts.ApplicationText;
import org.awardeval.conflicts.ApplicationText.Conflict;
import org.junit.jupiter.api.Test;

class AssignmentSolverTest {

    static Judge judge(long id, String gender, String country, String region, String affiliation, int maxLoad, List<String> expertise,
            Set<String> conflicts) {
        return new Judge(id, "u" + id, "J-" + id, "Judge " + id, "j" + id + "@x.test", gender, country, region, affiliation, maxLoad,
                expertise, conflicts);
    }

    static ApplicationToAssign application(long id, String category, String organisation, String country, Set<String> partners) {
        return new ApplicationToAssign(id, "PA-" + category + "-" + id, category, organisation, country,
                ApplicationText.of(organisation, String.join("; ", partners)));
    }

    @Test
    void eachConflictRuleExcludesTheJudge() {
        ApplicationToAssign a = application(1, "MC", "Steppe  University", "Mongolia", Set.of("Lake College", "Hill Institute"));
        Judge sameOrganisation = judge(1, "F", "Chile", "Americas", "steppe university", 5, List.of("MC"), Set.of());
        Judge declared = judge(2, "F", "Chile", "Americas", "Elsewhere", 5, List.of("MC"), Set.of("steppe university"));
        Judge partner = judge(3, "F", "Chile", "Americas", "Hill Institute", 5, List.of("MC"), Set.of());
        Judge compatriot = judge(4, "F", "mongolia", "Asia", "Other University", 5, List.of("MC"), Set.of());
        Judge free = judge(5, "F", "Chile", "Americas", "Other University", 5, List.of("SC", "MC"), Set.of());
        Judge otherCategory = judge(6, "F", "Chile", "Americas", "Other University", 5, List.of("SC"), Set.of());
        assertThat(ConflictRules.conflict(sameOrganisation, a, true)).contains(Conflict.SAME_ORGANISATION);
        assertThat(ConflictRules.conflict(declared, a, true)).contains(Conflict.DECLARED);
        assertThat(ConflictRules.conflict(partner, a, true)).contains(Conflict.PARTNER);
        assertThat(ConflictRules.conflict(compatriot, a, true)).contains(Conflict.SAME_COUNTRY);
        assertThat(ConflictRules.conflict(compatriot, a, false)).isEmpty();
        assertThat(ConflictRules.conflict(free, a, true)).isEmpty();
        assertThat(ConflictRules.eligible(otherCategory, a, true)).isFalse();

        List<Judge> all = List.of(sameOrganisation, declared, partner, compatriot, free, otherCategory);
        JudgePairs strict = JudgePairs.compute(List.of(a), all, true);
        assertThat(strict.judges[0]).containsExactly(4);
        assertThat(strict.ranks[0]).containsExactly(1);
        assertThat(JudgePairs.compute(List.of(a), all, false).judges[0]).containsExactly(3, 4);
    }

    @Test
    void theFastEligibilityAgreesWithTheRulesOnRandomCalls() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Instance instance = Instance.random(random, 30, 25, 3, true);
            JudgePairs fast = JudgePairs.compute(instance.applications, instance.judges, instance.sameCountry);
            for (int a = 0; a < instance.applications.size(); a++) {
                List<Integer> expected = new ArrayList<>();
                for (int j = 0; j < instance.judges.size(); j++) {
                    if (ConflictRules.eligible(instance.judges.get(j), instance.applications.get(a), instance.sameCountry)) {
                        expected.add(j);
                    }
                }
                assertThat(fast.judges[a]).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    @Test
    void theSolverIsOptimalOnSmallCallsCheckedByBruteForce() {
        Random random = new Random(20251123);
        int feasible = 0;
        int withGenderStage = 0;
        for (int round = 0; round < 150; round++) {
            Instance instance = Instance.random(random, 4, 7, 3, round % 2 == 0);
            Settings settings = new Settings(2, instance.sameCountry);
            Long best = bruteForce(instance, settings);
            if (best == null) {
                assertThatThrownBy(() -> AssignmentSolver.solve(instance.applications, instance.judges, settings))
                        .isInstanceOf(InfeasibleException.class);
                continue;
            }
            feasible++;
            AssignmentPlan plan = AssignmentSolver.solve(instance.applications, instance.judges, settings);
            assertValid(instance, settings, plan.picks());
            assertThat(plan.objective()).as("round %d, %s", round, plan.method()).isEqualTo(best);
            assertThat(AssignmentSolver.objective(instance.applications, instance.judges, settings, plan.picks())).isEqualTo(best);
            withGenderStage += plan.method().contains("CP-SAT") ? 1 : 0;
        }
        assertThat(feasible).as("feasible instances tried").isGreaterThanOrEqualTo(50);
        assertThat(withGenderStage).as("instances that needed CP-SAT").isPositive();
    }

    @Test
    void aLargeCallKeepsEveryRuleAndMostlyBalancesGenderByExchange() {
        Instance instance = Instance.random(new Random(3), 400, 60, 40, true);
        Settings settings = new Settings(3, true, 0, 0);
        AssignmentPlan plan = AssignmentSolver.solve(instance.applications, instance.judges, settings);
        assertValid(instance, settings, plan.picks());
        assertThat(plan.method()).contains("greedy exchange");
        AssignmentPlan.Figures f = plan.figures();
        assertThat(f.regionDiverse()).isEqualTo(f.regionDiversePossible());
        assertThat(f.genderDiverse()).isGreaterThan(f.genderDiversePossible() * 9 / 10);
        assertThat(f.loadSpread()).isLessThanOrEqualTo(f.maxLoad());
    }

    @Test
    void infeasibleCallsNameTheApplicationTheCategoryAndTheGap() {
        List<Judge> judges = List.of(judge(1, "F", "Chile", "Americas", "A", 5, List.of("MC"), Set.of()),
                judge(2, "M", "Peru", "Americas", "B", 5, List.of("MC"), Set.of()),
                judge(3, "M", "Peru", "Americas", "C", 1, List.of("SC"), Set.of()),
                judge(4, "F", "Peru", "Americas", "D", 1, List.of("SC"), Set.of()),
                judge(5, "F", "Peru", "Americas", "E", 1, List.of("SC"), Set.of()));
        List<ApplicationToAssign> applications = List.of(application(1, "MC", "X", "Ghana", Set.of()), application(2, "SC", "Y",
                "Ghana", Set.of()),
                application(3, "SC", "Z", "Ghana", Set.of()));
        assertThatThrownBy(() -> AssignmentSolver.solve(applications, judges, new Settings(3, true)))
                .isInstanceOf(InfeasibleException.class)
                .hasMessageContaining("category MC is 1 review(s) short, category SC is 3 review(s) short")
                .hasMessageContaining("PA-MC-1 (category MC): 1 judge(s) short; only 2 judge(s) of category MC are free of conflicts")
                .hasMessageContaining("judge(s) short; the judges of category SC free of conflicts are at their maximum load")
                .satisfies(e -> assertThat(((InfeasibleException) e).shortfalls()).hasSize(2));
    }

    private static void assertValid(Instance instance, Settings settings, List<Pick> picks) {
        Map<Long, Judge> judges = new HashMap<>();
        instance.judges.forEach(j -> judges.put(j.id(), j));
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, List<Long>> byApplication = new HashMap<>();
        for (Pick pick : picks) {
            load.merge(pick.judgeId(), 1, Integer::sum);
            byApplication.computeIfAbsent(pick.applicationId(), k -> new ArrayList<>()).add(pick.judgeId());
        }
        for (ApplicationToAssign a : instance.applications) {
            List<Long> assigned = byApplication.get(a.applicationId());
            assertThat(assigned).hasSize(settings.reviewsPerApplication()).doesNotHaveDuplicates();
            assigned.forEach(j -> assertThat(ConflictRules.eligible(judges.get(j), a, settings.sameCountryIsConflict())).isTrue());
        }
        load.forEach((j, l) -> assertThat(l).isLessThanOrEqualTo(judges.get(j).maxLoad()));
    }

    /** The least cost over every assignment that keeps the hard rules, or null when there is none. */
    private static Long bruteForce(Instance instance, Settings settings) {
        List<List<List<Judge>>> options = new ArrayList<>();
        for (ApplicationToAssign a : instance.applications) {
            List<Judge> pool = instance.judges.stream().filter(j -> ConflictRules.eligible(j, a, settings.sameCountryIsConflict())).toList();
            options.add(subsets(pool, settings.reviewsPerApplication()));
        }
        long[] best = {Long.MAX_VALUE};
        search(instance, settings, options, 0, new ArrayList<>(), new HashMap<>(), best);
        return best[0] == Long.MAX_VALUE ? null : best[0];
    }

    private static void search(Instance instance, Settings settings, List<List<List<Judge>>> options, int a, List<Pick> picks,
            Map<Long, Integer> load, long[] best) {
        if (a == options.size()) {
            best[0] = Math.min(best[0], AssignmentSolver.objective(instance.applications, instance.judges, settings, picks));
            return;
        }
        for (List<Judge> subset : options.get(a)) {
            if (subset.stream().anyMatch(j -> load.getOrDefault(j.id(), 0) >= j.maxLoad())) {
                continue;
            }
            subset.forEach(j -> {
                load.merge(j.id(), 1, Integer::sum);
                picks.add(new Pick(instance.applications.get(a).applicationId(), j.id()));
            });
            search(instance, settings, options, a + 1, picks, load, best);
            subset.forEach(j -> {
                load.merge(j.id(), -1, Integer::sum);
                picks.remove(picks.size() - 1);
            });
        }
    }

    private static List<List<Judge>> subsets(List<Judge> pool, int size) {
        List<List<Judge>> result = new ArrayList<>();
        collect(pool, size, 0, new ArrayList<>(), result);
        return result;
    }

    private static void collect(List<Judge> pool, int size, int from, List<Judge> current, List<List<Judge>> result) {
        if (current.size() == size) {
            result.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < pool.size(); i++) {
            current.add(pool.get(i));
            collect(pool, size, i + 1, current, result);
            current.remove(current.size() - 1);
        }
    }

    /** A random call: organisations, countries, regions and genders drawn from small sets so that rules bite. */
    record Instance(List<ApplicationToAssign> applications, List<Judge> judges, boolean sameCountry) {
        static Instance random(Random random, int applications, int judges, int maxLoad, boolean sameCountry) {
            List<String> categories = List.of("MC", "SC");
            List<String> organisations = List.of("Org A", "Org B", "Org C", "Org D", "Org E");
            List<String> countries = List.of("Ghana", "Peru", "Nepal");
            List<String> regions = List.of("Africa", "Americas", "Asia");
            List<String> genders = new ArrayList<>(List.of("F", "M", "F", "M"));
            genders.add(null);
            List<Judge> js = new ArrayList<>();
            for (int j = 0; j < judges; j++) {
                List<String> expertise = random.nextInt(3) == 0 ? List.of("SC", "MC")
                        : List.of(categories.get(random.nextInt(2)));
                Set<String> conflicts = random.nextInt(6) == 0 ? Set.of("org " + (char) ('a' + random.nextInt(5))) : Set.of();
                js.add(judge(j + 1, genders.get(random.nextInt(genders.size())), countries.get(random.nextInt(3)),
                        regions.get(random.nextInt(3)), organisations.get(random.nextInt(5)), 1 + random.nextInt(maxLoad), expertise,
                        conflicts));
            }
            List<ApplicationToAssign> as = new ArrayList<>();
            for (int a = 0; a < applications; a++) {
                as.add(application(a + 1, categories.get(random.nextInt(2)), organisations.get(random.nextInt(5)),
                        countries.get(random.nextInt(3)), random.nextInt(4) == 0 ? Set.of("org " + (char) ('a' + random.nextInt(5))) : Set.of()));
            }
            return new Instance(as, js, sameCountry);
        }
    }
}
