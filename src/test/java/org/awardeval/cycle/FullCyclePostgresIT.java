package org.awardeval.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
     * Each step of a review and of a reconsideration finds its row by the instance's id. Read by a scan of the table,
     * every review cost a read of every assignment of the call (docs/BENCHMARKS.md); with scans refused, the planner
     * shows what serves the lookup.
     */
    @Test
    @Transactional
    void aReviewOrReconsiderationFindsItsRowByAnIndex() {
        jdbc.sql("SET LOCAL enable_seqscan = off").update();
        for (String lookup : List.of("SELECT id FROM assignment WHERE review_process_instance_id = 'r' AND status = 'OPEN'",
                "SELECT * FROM review_revision WHERE process_instance_id = 'r'")) {
            String plan = String.join("\n", jdbc.sql("EXPLAIN " + lookup).query(String.class).list());
            assertThat(plan).as(lookup).contains("Index").doesNotContain("Seq Scan");
        }
    }
}
