package org.awardeval.cycle;

import org.awardeval.support.OwnJvm;
import org.awardeval.support.PostgresDatabase;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OwnJvm
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
@EnabledIf("org.awardeval.support.PostgresDatabase#enabled")
class FullCyclePostgresIT extends FullCycleScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }
}
