package dev.sema.accounts;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema to the newest version with Flyway: the SQL scripts in {@code db/migration}, the same on H2 and
 * PostgreSQL. Runs at start-up; if the database is unreachable then, the first use after it comes back migrates
 * (servers start without their database and recover without a restart). Several servers migrating one PostgreSQL
 * at once are serialised by Flyway's lock.
 */
final class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private final DataSource dataSource;
    private volatile boolean current;

    SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws RuntimeException whatever Flyway or the driver threw; the next call tries again */
    void ensureCurrent() {
        if (current) {
            return;
        }
        synchronized (this) {
            if (!current) {
                var result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                        .dataSource(dataSource)
                        // Liberty's class loader lists no directories: Flyway finds a location by an empty marker
                        // file flyway.location in it (loose and packaged application alike). db/callback, which
                        // Flyway always scans for Java callbacks, has one too, so it does not log an error.
                        .locations("classpath:db/migration")
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
                LOG.info("accounts schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                        + " migrations applied now) on " + result.database);
                current = true;
            }
        }
    }
}
