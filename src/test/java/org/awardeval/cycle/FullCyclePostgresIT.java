package org.awardeval.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.awardeval.support.OwnJvm;
import org.awardeval.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

@OwnJvm
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
@EnabledIf("org.awardeval.support.PostgresDatabase#enabled")
class FullCyclePostgresIT extends FullCycleScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    /**
     * A review's and a reconsideration's every step find their row by the instance's id, and an application's reviews
     * are read by the application's id. Read by a scan of the table (or of the call's index), every such step read every
     * row of the call (docs/BENCHMARKS.md); with scans refused, the planner names the index that serves each lookup.
     */
    @Test
    @Transactional
    void eachLookupOfOneReviewOrApplicationIsServedByItsIndex() {
        jdbc.sql("SET LOCAL enable_seqscan = off").update();
        Map<String, String> lookups = Map.of(
                "SELECT id FROM assignment WHERE review_process_instance_id = 'r' AND status = 'OPEN'", "ix_assignment_review_instance",
                "SELECT * FROM review_revision WHERE process_instance_id = 'r'", "ix_review_revision_instance",
                "SELECT judge_code, total FROM review WHERE application_id = 1 ORDER BY judge_code", "ix_review_application");
        lookups.forEach((lookup, index) -> {
            String plan = String.join("\n", jdbc.sql("EXPLAIN " + lookup).query(String.class).list());
            assertThat(plan).as(lookup).contains(index).doesNotContain("Seq Scan");
        });
    }
}
