package dev.sema.accounts;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates or drops the PostgreSQL database of one build's ITs ({@code mvn verify} runs it before the servers start
 * and in post-integration-test). Only names of the {@code sema_it_…} shape are accepted, so it can never touch
 * another database. A failed drop is reported but never fails the build: the servers' stop goals run after it.
 * Usage: {@code TestDatabase create|drop ADMIN_JDBC_URL USER NAME}.
 */
public final class TestDatabase {

    private static final Pattern NAME = Pattern.compile("sema_it_[0-9]+_[0-9]+");

    private TestDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 4 || !NAME.matcher(args[3]).matches()) {
            throw new IllegalArgumentException("usage: TestDatabase create|drop ADMIN_URL USER sema_it_<n>_<n>");
        }
        String sql = switch (args[0]) {
            case "create" -> "CREATE DATABASE " + args[3];
            // FORCE: the servers may still hold pooled connections when the build drops it
            case "drop" -> "DROP DATABASE IF EXISTS " + args[3] + " WITH (FORCE)";
            default -> throw new IllegalArgumentException("create or drop, not " + args[0]);
        };
        Properties credentials = new Properties();
        credentials.setProperty("user", args[2]);
        // The driver itself, not DriverManager: exec:java runs each execution in a class loader of its own, and
        // DriverManager only offers drivers registered by the caller's loader (the first execution's).
        try (Connection connection = new Driver().connect(args[1], credentials);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            System.out.println("TestDatabase: " + sql);
        } catch (SQLException e) {
            if (args[0].equals("create")) {
                throw e;
            }
            System.err.println("TestDatabase: could not drop " + args[3] + ": " + e.getMessage());
        }
    }
}
