package org.awardeval.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.awardeval.deployment.ProcessDeployer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/ keeps everything Java relies on, and a copy in which a process owner renamed any one of those names in
 * the Modeler is caught, naming the file and what is missing.
 */
class ProcessContractTest {

    static final Path PROCESSES = Path.of("processes");

    @Test
    void theProcessesKeepEverythingTheApplicationUses() throws IOException {
        assertThat(ProcessContract.problems(ProcessDeployer.readDirectory(PROCESSES))).isEmpty();
    }

    static Stream<Arguments> namesJavaUses() {
        return ProcessContract.all().stream().flatMap(contract -> Stream.of(
                Stream.of(Arguments.of(contract.file(), "id=\"" + contract.key() + "\"")),
                contract.messages().stream().map(m -> Arguments.of(contract.file(), "name=\"" + m + "\"")),
                contract.errors().stream().map(e -> Arguments.of(contract.file(), "errorCode=\"" + e + "\"")),
                contract.elements().stream().map(id -> Arguments.of(contract.file(), "id=\"" + id + "\"")),
                contract.inputs().stream().map(i -> Arguments.of(contract.file(), "inputParameter name=\"" + i + "\"")),
                contract.formFields().entrySet().stream().flatMap(form -> form.getValue().stream()
                        .map(key -> Arguments.of("forms/" + form.getKey() + ".form", "\"key\": \"" + key + "\""))))
                .flatMap(s -> s));
    }

    /** Renames one name in a copy of processes/, as the Modeler would write it (the element's references too). */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("namesJavaUses")
    void aCopyWithOneNameRenamedIsRefused(String file, String declaration) throws IOException {
        Map<String, byte[]> files = ProcessDeployer.readDirectory(PROCESSES);
        String text = new String(files.get(file), StandardCharsets.UTF_8);
        assertThat(text).as("the name is declared as the test expects").contains(declaration);
        String name = declaration.substring(declaration.lastIndexOf('"', declaration.length() - 2) + 1, declaration.length() - 1);
        String renamed = name + "Renamed";
        String changed = file.endsWith(".form") ? text.replace(declaration, declaration.replace(name, renamed))
                : text.replace("\"" + name + "\"", "\"" + renamed + "\"").replace(">" + name + "<", ">" + renamed + "<");
        files.put(file, changed.getBytes(StandardCharsets.UTF_8));

        assertThat(ProcessContract.problems(files)).anySatisfy(problem -> assertThat(problem).startsWith(file + ": ").contains(name));
    }

    @Test
    void aMissingProcessFileIsNamed() throws IOException {
        Map<String, byte[]> files = ProcessDeployer.readDirectory(PROCESSES);
        files.remove("review.bpmn");
        assertThat(ProcessContract.problems(files)).containsExactly("review.bpmn: missing; the application runs this process (Review)");
    }
}
