package org.awardeval.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.awardeval.assignment.JudgeRepository.Profile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

/** The judge registry on its tables alone (Flyway's schema on H2): codes, expertise in order, conflicts. */
@JdbcTest
@Import(JudgeRepository.class)
class JudgeRepositoryTest {

    @Autowired JudgeRepository judges;

    static Profile profile(String userId, List<String> expertise, Set<String> conflicts) {
        return new Profile(userId, "Helena Marsh", userId + "@judges.test", "F", "United Kingdom", "Europe and North America",
                "University of Northbridge", 12, expertise, conflicts);
    }

    @Test
    void aJudgeGetsACodeFromTheRegistryAndKeepsTheirExpertiseInOrder() {
        long id = judges.insert(profile("hmarsh", List.of("SC", "MC"), Set.of("nile valley university")));
        Judge stored = judges.byUserId("hmarsh").orElseThrow();
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.code()).isEqualTo(String.format("J-%02d", id));
        assertThat(stored.expertise()).containsExactly("SC", "MC");
        assertThat(stored.conflicts()).containsExactly("nile valley university");
        assertThat(judges.findIdByUserId("hmarsh")).contains(id);
        assertThat(judges.findIdByUserId("nobody")).isEmpty();
    }

    @Test
    void anUpdateReplacesTheListsAndKeepsTheCode() {
        long id = judges.insert(profile("kwatanabe", List.of("MC", "NC"), Set.of("a", "b")));
        String code = judges.byUserId("kwatanabe").orElseThrow().code();
        judges.update(id, profile("kwatanabe", List.of("IU"), Set.of("c")));
        Judge updated = judges.byUserId("kwatanabe").orElseThrow();
        assertThat(updated.code()).isEqualTo(code);
        assertThat(updated.expertise()).containsExactly("IU");
        assertThat(updated.conflicts()).containsExactly("c");
    }

    @Test
    void aConflictDeclaredTwiceIsKeptOnce() {
        long id = judges.insert(profile("aokonkwo", List.of("MC"), Set.of()));
        judges.addConflict(id, "copperbelt institute of technology");
        judges.addConflict(id, "copperbelt institute of technology");
        assertThat(judges.byUserId("aokonkwo").orElseThrow().conflicts()).containsExactly("copperbelt institute of technology");
    }
}
