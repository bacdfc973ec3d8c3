package org.awardeval.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import benchmark.stack.BareStack;
import org.awardeval.AwardEvaluationApplication;
import org.awardeval.support.PostgresDatabase;

/**
 * Start-up to a Tasklist that answers, each start in a new JVM as an installation starts: the product on a new
 * PostgreSQL database, the product again on that database (a restart), and the bare stack it is built on (Spring Boot,
 * the Camunda engine with its webapps and REST API, PostgreSQL; none of the product's code, migrations, security, pages
 * or mail) on a new database. Prints one JSON line: medians and every run. Figures: docs/BENCHMARKS.md.
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 3;
        String classes = System.getProperty("java.class.path");
        List<String> folders = List.of("-cp", classes, AwardEvaluationApplication.class.getName());
        List<String> bare = List.of("-cp", classes, BareStack.class.getName());
        // The packaged application as the Dockerfile runs it: extracted, without and with its class data archive.
        Path extracted = extract(packagedJar());
        List<String> packaged = List.of("-jar", extracted.toString());
        Path archive = extracted.resolveSibling("application.jsa");
        train(extracted, archive);
        List<String> shared = List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (String kind : List.of("product_new_database", "product_restart", "bare_stack_new_database",
                "packaged_new_database", "packaged_cds_new_database", "packaged_cds_restart")) {
            seconds.put(kind, new ArrayList<>());
        }
        for (int run = 0; run < runs; run++) {
            String database = PostgresDatabase.create();
            seconds.get("product_new_database").add(start(folders, true, database));
            seconds.get("product_restart").add(start(folders, true, database));
            seconds.get("bare_stack_new_database").add(start(bare, false, PostgresDatabase.create()));
            seconds.get("packaged_new_database").add(start(packaged, true, PostgresDatabase.create()));
            String again = PostgresDatabase.create();
            seconds.get("packaged_cds_new_database").add(start(shared, true, again));
            seconds.get("packaged_cds_restart").add(start(shared, true, again));
        }
        StringBuilder json = new StringBuilder("{\"runs\": " + runs + ", \"cores\": " + Runtime.getRuntime().availableProcessors());
        seconds.forEach((kind, all) -> {
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            json.append(", \"").append(kind).append("_s\": ").append(sorted[sorted.length / 2]).append(", \"").append(kind)
                    .append("_all_s\": ").append(all);
        });
        System.out.println(json.append('}'));
    }

    /** Seconds from the JVM's launch to a Tasklist page that answers 200; the JVM is then stopped. */
    private static double start(List<String> launch, boolean product, String database) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = command(launch, product, database, port);
        String name = launch.get(launch.size() - 1);
        File log = Files.createTempFile("startup-", ".log").toFile();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest tasklist = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .timeout(Duration.ofSeconds(5)).build();
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " ended before it answered: "
                            + String.join("\n", tail(log)));
                }
                try {
                    if (http.send(tasklist, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return Math.round((System.nanoTime() - launched) / 1e8) / 10.0;
                    }
                } catch (java.io.IOException notYet) {
                    // Not listening yet.
                }
                if (System.nanoTime() - launched > 120e9) {
                    throw new IllegalStateException(name + " did not answer in 2 minutes: "
                            + String.join("\n", tail(log)));
                }
                Thread.sleep(100);
            }
        } finally {
            process.destroy();
            process.waitFor();
            log.delete();
        }
    }

    private static List<String> command(List<String> launch, boolean product, String database, int port) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g"));
        command.addAll(launch);
        command.addAll(List.of("--spring.datasource.url=" + database, "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=", "--server.port=" + port, "--logging.level.root=WARN"));
        if (product) {
            command.addAll(List.of("--spring.profiles.active=postgres", "--award.admin-password=bench-admin",
                    "--award.processes-watch=false"));
        } else {
            // Not the product's application.yml: the engine as the starter sets it up, with the product's history level.
            command.addAll(List.of("--spring.config.name=bare-stack", "--camunda.bpm.history-level=full",
                    "--camunda.bpm.auto-deployment-enabled=false",
                    "--camunda.bpm.admin-user.id=benchadmin", "--camunda.bpm.admin-user.password=bench-admin"));
        }
        return command;
    }

    /** The jar {@code mvn package} wrote (bench/startup.sh builds it). */
    private static Path packagedJar() throws java.io.IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("award-evaluation-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/award-evaluation-*.jar: run mvn package first"));
        }
    }

    /** Spring Boot's own extraction (as in the Dockerfile); returns the extracted jar, its libraries beside it. */
    private static Path extract(Path jar) throws Exception {
        Path destination = Path.of("target", "startup", "application");
        run(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", destination.toString()));
        return destination.resolve(jar.getFileName());
    }

    /**
     * The Dockerfile's training run: on a database in memory (an image is built without one), stopped once the
     * application context is refreshed, writing the classes it loaded.
     */
    private static void train(Path extracted, Path archive) throws Exception {
        Files.deleteIfExists(archive);
        run(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(),
                "--spring.datasource.url=jdbc:h2:mem:training", "--award.admin-password=training", "--award.processes-watch=false"));
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the training run wrote no " + archive);
        }
    }

    private static void run(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(arguments);
        File log = Files.createTempFile("startup-", ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " ended with " + process.exitValue() + ":\n"
                    + String.join("\n", tail(log)));
        }
        log.delete();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> tail(File log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log.toPath());
        return lines.subList(Math.max(0, lines.size() - 30), lines.size());
    }

    private StartupBenchmark() {
    }
}
