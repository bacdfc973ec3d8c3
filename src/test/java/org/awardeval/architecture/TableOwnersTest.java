package org.awardeval.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: only the module that owns a table has SQL on it; the others ask that module. The engine's own
 * tables (ACT_*) are Camunda's.
 */
class TableOwnersTest {

    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("award_call", "call"), Map.entry("category", "call"), Map.entry("rubric_criterion", "call"),
            Map.entry("organisation", "submission"), Map.entry("application", "submission"),
            Map.entry("dossier", "anonymisation"),
            Map.entry("judge", "assignment"), Map.entry("judge_expertise", "assignment"), Map.entry("judge_conflict", "assignment"),
            Map.entry("assignment", "assignment"),
            Map.entry("review", "review"), Map.entry("review_score", "review"), Map.entry("review_revision", "review"),
            Map.entry("judge_invitation", "invitation"),
            Map.entry("result", "deliberation"), Map.entry("panel_member", "deliberation"), Map.entry("panel_conflict", "deliberation"),
            Map.entry("panel_ballot", "deliberation"), Map.entry("panel_vote", "deliberation"),
            Map.entry("panel_ballot_task", "deliberation"), Map.entry("winner_decision", "deliberation"),
            Map.entry("mail_outbox", "mail"),
            Map.entry("application_draft", "portal"), Map.entry("one_time_tokens", "portal"), Map.entry("draft_member", "portal"),
            Map.entry("clarification", "clarification"),
            Map.entry("process_change", "deployment"), Map.entry("process_change_file", "deployment"));

    static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|join|update|into|table)\\s+([a-z_]+)\\b");
    static final Path SOURCES = Path.of("src", "main", "java", "org", "awardeval");

    @Test
    void everyTableIsUsedOnlyByItsModule() throws IOException {
        assertThat(trespasses(SOURCES)).isEmpty();
    }

    @Test
    void aQueryOnAnotherModulesTableIsFound(@org.junit.jupiter.api.io.TempDir Path copy) throws IOException {
        Path dashboard = Files.createDirectories(copy.resolve("dashboard"));
        Files.writeString(dashboard.resolve("Peek.java"), "class Peek { String sql = \"SELECT code FROM application WHERE id = ?\"; }");
        assertThat(trespasses(copy)).containsExactly("dashboard/Peek.java uses application, a table of submission");
    }

    static List<String> trespasses(Path sources) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = sources.relativize(file).getName(0).toString();
                Matcher matcher = TABLE.matcher(strings(Files.readString(file)));
                while (matcher.find()) {
                    String owner = OWNERS.get(matcher.group(1).toLowerCase(Locale.ROOT));
                    String where = sources.relativize(file).toString().replace('\\', '/');
                    if (owner != null && !owner.equals(module)) {
                        String trespass = where + " uses " + matcher.group(1) + ", a table of " + owner;
                        if (!found.contains(trespass)) {
                            found.add(trespass);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Only what is inside string literals and text blocks: the SQL, not the comments. */
    static String strings(String source) {
        StringBuilder sql = new StringBuilder();
        Matcher literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL).matcher(source);
        while (literal.find()) {
            sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append('\n');
        }
        return sql.toString();
    }
}
