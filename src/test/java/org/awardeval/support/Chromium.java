package org.awardeval.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, for checks in a real browser. Tests that need it run when it is installed, and always
 * under CI (where .ci/run installs it); nothing downloads a browser of its own.
 */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    public static boolean enabled() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Files.isExecutable(BINARY);
    }

    /** The page's DOM after its scripts ran: what a visitor's browser would end up with. */
    public static String renderedDom(String url) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Chromium is needed at " + BINARY + " (apt-get install chromium chromium-driver)");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        Path out = Files.createTempFile("chromium-dom", ".html");
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=3000", "--dump-dom", url))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not render " + url + " within 60 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
