package org.awardeval.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import com.tngtech.archunit.core.importer.ImportOption;
import org.awardeval.AwardEvaluationApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules and their boundaries: no cycles, each module uses only the modules it declares (package-info.java) and
 * only their API; docs/modules is the documentation of the modules as they are.
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

    /**
     * docs/modules holds the documentation generated from the code as it is. When the modules change, write it anew
     * with {@code mvn test -Dtest=ModulesTest -Daward.write-module-docs=true}.
     */
    @Test
    void theModuleDocumentationInDocsIsCurrent() throws IOException {
        Path docs = Path.of("docs", "modules");
        Path generated = Boolean.getBoolean("award.write-module-docs") ? docs : Path.of("target", "module-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                // The generator's order of lines varies from run to run; what they say does not.
                Path committed = docs.resolve(file.getFileName());
                assertThat(committed).exists();
                assertThat(Files.readAllLines(committed)).as("docs/modules/%s is out of date", file.getFileName())
                        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(file));
            }
        }
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
