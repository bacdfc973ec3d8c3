package org.awardeval.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Checks the page a browser shows with axe-core (WCAG 2.1 A and AA rules): no serious or critical violation. The
 * script comes from the npm package pinned in src/test/axe ({@code npm ci --prefix src/test/axe}); under CI it must be
 * there.
 */
public final class Axe {

    static final Path SCRIPT = Path.of("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");

    private Axe() {
    }

    public static boolean available() {
        return Files.isReadable(SCRIPT);
    }

    /**
     * Asserts that the page has no serious or critical violation; {@code page} names it in the message. Without axe-core
     * the check is left out (the rest of the test goes on), except under CI, where its absence fails the test.
     */
    public static void assertAccessible(Browser browser, String page) throws IOException {
        if (!available()) {
            assertThat(System.getenv("CI")).as("axe-core is missing: npm ci --prefix src/test/axe").isNull();
            return;
        }
        assertThat(seriousViolations(browser)).as("serious or critical accessibility violations on %s", page).isEmpty();
    }

    /** The page's serious and critical violations: each rule's id, impact, help and the first elements it found. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> seriousViolations(Browser browser) throws IOException {
        Assumptions.assumeTrue(available(), "axe-core is not installed (npm ci --prefix src/test/axe)");
        browser.script(Files.readString(SCRIPT));
        Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                           .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                               .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                           nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                           .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""");
        return (List<Map<String, Object>>) result;
    }
}
