package org.awardeval.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardeval.assignment.AssignmentPlanner.Candidate;
import org.awardeval.assignment.AssignmentPlanner.InfeasibleException;
import org.awardeval.assignment.AssignmentPlanner.Pick;
import org.junit.jupiter.api.Test;

class AssignmentPlannerTest {

    private static Judge judge(long id, String country, String affiliation, int maxLoad, String... categories) {
        return new Judge(id, "u" + id, "J-" + id, "Judge " + id, "j" + id + "@x.test", "F", country, affiliation, maxLoad,
                Set.of(categories));
    }

    @Test
    void everyApplicationGetsNJudgesOfItsCategoryWithoutConflictsAndEvenLoads() {
        List<Judge> judges = List.of(judge(1, "Norway", "Oslo U", 10, "MC", "SC"), judge(2, "Japan", "Kyoto U", 10, "MC"),
                judge(3, "Egypt", "Cairo U", 10, "MC", "SC"), judge(4, "Chile", "Steppe University", 10, "MC", "SC"),
                judge(5, "Peru", "Lima U", 10, "MC", "SC"), judge(6, "Ghana", "Accra U", 10, "SC"));
        List<Candidate> applications = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            applications.add(new Candidate(i, "A-" + i, i % 2 == 0 ? "MC" : "SC", i == 0 ? "Steppe University" : "Org " + i,
                    i == 1 ? "Egypt" : "Mongolia"));
        }
        List<Pick> picks = AssignmentPlanner.plan(applications, judges, 3);

        assertThat(picks).hasSize(24);
        Map<Long, List<Long>> byApplication = picks.stream().collect(Collectors.groupingBy(Pick::applicationId,
                Collectors.mapping(Pick::judgeId, Collectors.toList())));
        assertThat(byApplication.values()).allSatisfy(js -> assertThat(js).hasSize(3).doesNotHaveDuplicates());
        assertThat(byApplication.get(0L)).doesNotContain(4L);
        assertThat(byApplication.get(1L)).doesNotContain(3L);
        for (Pick pick : picks) {
            Judge judge = judges.get((int) pick.judgeId() - 1);
            assertThat(judge.expertise()).contains(applications.get((int) pick.applicationId()).categoryCode());
        }
        Map<Long, Long> load = picks.stream().collect(Collectors.groupingBy(Pick::judgeId, Collectors.counting()));
        assertThat(load.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                - load.values().stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThanOrEqualTo(1);
    }

    @Test
    void maximumLoadsAreKept() {
        List<Judge> judges = List.of(judge(1, "A", "a", 2, "MC"), judge(2, "B", "b", 2, "MC"), judge(3, "C", "c", 5, "MC"));
        List<Candidate> applications = List.of(new Candidate(1, "A-1", "MC", "x", "X"), new Candidate(2, "A-2", "MC", "x", "X"),
                new Candidate(3, "A-3", "MC", "y", "Y"));
        List<Pick> picks = AssignmentPlanner.plan(applications, judges, 2);
        Map<Long, Long> load = picks.stream().collect(Collectors.groupingBy(Pick::judgeId, Collectors.counting()));
        assertThat(load.get(1L)).isLessThanOrEqualTo(2);
        assertThat(load.get(2L)).isLessThanOrEqualTo(2);
        assertThat(picks).hasSize(6);
    }

    @Test
    void anImpossibleAssignmentSaysWhichApplicationLacksHowManyJudges() {
        List<Judge> judges = List.of(judge(1, "Kenya", "a", 10, "NC"), judge(2, "Norway", "b", 10, "NC"), judge(3, "Chile", "c", 10, "SC"));
        List<Candidate> applications = List.of(new Candidate(1, "PA25-NC-001", "NC", "Org", "Kenya"));
        assertThatThrownBy(() -> AssignmentPlanner.plan(applications, judges, 3))
                .isInstanceOf(InfeasibleException.class)
                .hasMessageContaining("PA25-NC-001 (category NC): 1 of 3 judges available");
    }
}
