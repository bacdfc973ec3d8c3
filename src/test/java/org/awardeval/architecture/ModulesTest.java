package org.awardeval.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import com.tngtech.archunit.core.importer.ImportOption;
import org.awardeval.AwardEvaluationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules and their boundaries: no cycles, each module uses only the modules it declares (package-info.java) and
 * only their API. The generated module documentation is written to docs/modules.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(AwardEvaluationApplication.class);

    @Test
    void everyModuleKeepsToItsDeclaredDependenciesAndTheirApi() {
        MODULES.verify();
    }

    @Test
    void aModuleReachingIntoAnotherModulesInternalsIsRefused() {
        assertThatThrownBy(() -> withTestClasses("ReachesIntoAssignment", "SolverDetail").verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("ReachesIntoAssignment")
                .hasMessageContaining("-> org.awardeval.assignment.internal.SolverDetail");
    }

    @Test
    void aModuleUsingAModuleItDoesNotDeclareIsRefused() {
        assertThatThrownBy(() -> withTestClasses("ReachesIntoDeliberation").verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("ReachesIntoDeliberation")
                .hasMessageContaining("deliberation");
    }

    @Test
    void theModuleDocumentationIsCurrent() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()).toList())
                .containsAll(List.of("call", "submission", "eligibility", "anonymisation", "assignment", "review", "deliberation",
                        "announcement", "mail", "process"));
    }

    /** The application's classes plus the named test classes, as if they were part of it. */
    private static ApplicationModules withTestClasses(String... names) {
        ImportOption mainAndNamed = location -> !location.contains("/test-classes/")
                || List.of(names).stream().anyMatch(name -> location.contains("/" + name + ".class"));
        return ApplicationModules.of(AwardEvaluationApplication.class, mainAndNamed);
    }
}
