package dev.sema.accounts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The accounts database: the Liberty dataSource {@code jdbc/sema}, migrated before first use. Every database
 * failure leaves here as {@link AccountsUnavailableException}, so callers decide what a request gets without
 * knowing JDBC; the pool replaces broken connections by itself, so the next call after an outage just works.
 */
public final class AccountsDatabase {

    private static final Logger LOG = Logger.getLogger(AccountsDatabase.class.getName());

    private final DataSource dataSource;
    private final SchemaMigrations schema;
    private final int retryAfterSeconds;

    public AccountsDatabase(DataSource dataSource, int retryAfterSeconds) {
        this.dataSource = dataSource;
        this.schema = new SchemaMigrations(dataSource);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Migrates now; a failure is logged and retried on first use. */
    public void migrate() {
        try {
            schema.ensureCurrent();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "accounts database not migrated yet (retried on first use): " + e);
        }
    }

    /** Runs {@code work} with auto-commit. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = open()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Runs {@code work} in one transaction. Domain exceptions thrown by {@code work} roll it back and pass through.
     *
     * @param commitLost called when the commit itself failed: the database may or may not have applied it
     */
    public <T> T transaction(SqlWork<T> work, Runnable commitLost) {
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                commitLost.run();
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private Connection open() throws SQLException {
        try {
            schema.ensureCurrent();
        } catch (RuntimeException e) {
            throw new SQLException("accounts schema not migrated: " + e.getMessage(), "08001", e);
        }
        return dataSource.getConnection();
    }

    private AccountsUnavailableException unavailable(SQLException e) {
        LOG.warning("accounts database unavailable: SQLState " + e.getSQLState() + ": " + e.getMessage());
        return new AccountsUnavailableException(retryAfterSeconds, e);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the database rolls back on its own when the session ends
        }
    }
}
