package org.awardeval.architecture;

import org.awardeval.AwardEvaluationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {

    @Test
    void verify() {
        ApplicationModules.of(AwardEvaluationApplication.class).verify();
    }
}
