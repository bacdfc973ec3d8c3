package org.awardeval.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database for a test context, on the server at 127.0.0.1:5432 (user postgres, trust
 * authentication) or at AWARD_TEST_PG_HOST. Tests on PostgreSQL run when it answers, and always under CI.
 */
public final class PostgresDatabase {

    private static final String HOST = System.getenv().getOrDefault("AWARD_TEST_PG_HOST", "127.0.0.1:5432");
    private static final String USER = System.getenv().getOrDefault("AWARD_TEST_PG_USER", "postgres");
    private static final String PREFIX = "award_it_";

    private PostgresDatabase() {
    }

    /** Used by @EnabledIf: under CI the tests must run, and fail loudly if the server is missing. */
    public static boolean enabled() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || reachable();
    }

    static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres?connectTimeout=2", USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates a new database, drops those that ended JVMs left behind, and points the datasource at it. */
    public static void register(DynamicPropertyRegistry registry) {
        String url = create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    }

    public static String user() {
        return USER;
    }

    /** A new, empty database; returns its JDBC URL. */
    public static String create() {
        String name = PREFIX + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
                Statement statement = admin.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (var rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
            for (String old : stale) {
                if (!abandoned(old)) {
                    continue;
                }
                try {
                    statement.execute("DROP DATABASE IF EXISTS " + old);
                } catch (SQLException inUse) {
                    // Another run still uses it.
                }
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + " is needed for this test: " + e.getMessage(), e);
        }
        return "jdbc:postgresql://" + HOST + "/" + name;
    }

    /**
     * Whether the JVM that created the database has ended (its pid is in the name). A database another JVM has just
     * created may have no connection yet: tests run in two forks at once, so "not in use" is no sign it is stale.
     */
    static boolean abandoned(String database) {
        String[] parts = database.substring(PREFIX.length()).split("_");
        try {
            long pid = Long.parseLong(parts[parts.length - 1]);
            return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
