package org.awardeval.reliability;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The application started as a process of its own, on a database and port of the test's choosing. */
final class AppNode implements AutoCloseable {

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private AppNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static AppNode start(String name, String databaseUrl, String databaseUser, Map<String, String> environment, List<String> arguments)
            throws IOException {
        int port = freePort();
        String classPath = "target/classes" + File.pathSeparator + Files.readString(Path.of("target/runtime-classpath.txt")).strip();
        Path log = Path.of("target", "node-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // Started, used for a minute and killed: the client compiler alone halves the CPU time of a start.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath, "org.awardeval.AwardEvaluationApplication",
                // The engine writes this name into the job log, which tells which node ran which job.
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("SPRING_PROFILES_ACTIVE", "postgres", "DB_URL", databaseUrl, "DB_USER", databaseUser,
                "DB_PASSWORD", "", "PORT", String.valueOf(port)));
        builder.environment().putAll(environment);
        return new AppNode(name, port, log, builder.start());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits until the application says it is ready: its users, groups and processes are set up (not just Tomcat). */
    void awaitReady(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " stopped; its log: " + tail());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url("/actuator/health/readiness")).toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Node " + name + " did not start in " + timeout + "; its log: " + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A crash: SIGKILL, no shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
