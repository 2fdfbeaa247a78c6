package dev.sema.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The {@code api_keys} table; each change appends its audit row in the same transaction. */
final class KeyStore {

    private static final String COLUMNS = "id, name, display_prefix, requests_per_minute, requests_per_hour,"
            + " characters_per_day, characters_per_month, enabled, expires_at, scopes, allowed_ips, require_signature,"
            + " created_at, last_used_at, revoked_at";

    private final AccountsDatabase db;

    KeyStore(AccountsDatabase db) {
        this.db = db;
    }

    /** Inserts the key and its audit row in one transaction. @param sealedSigningSecret null for none */
    void insert(ApiKey key, String secretDigest, String sealedSigningSecret, AuditEvent created) {
        db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_keys (id, name, secret_sha256,"
                    + " display_prefix, requests_per_minute, requests_per_hour, characters_per_day,"
                    + " characters_per_month, enabled, expires_at, scopes, allowed_ips, require_signature, created_at,"
                    + " signing_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key.id());
                insert.setString(3, secretDigest);
                insert.setString(4, key.prefix());
                setSettings(insert, key.settings(), 2, 5);
                insert.setObject(14, key.createdAt());
                insert.setString(15, sealedSigningSecret);
                insert.executeUpdate();
            }
            AuditTrail.insert(c, created);
            return null;
        }, () -> { });
    }

    Optional<ApiKey> findByDigest(String secretDigest) {
        return db.read(c -> one(c, "secret_sha256", secretDigest));
    }

    Optional<ApiKey> find(String id) {
        return db.read(c -> one(c, "id", id));
    }

    /** The key's sealed signing secret; empty when it has none (or there is no such key). */
    Optional<String> sealedSigningSecret(String id) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT signing_secret FROM api_keys WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    List<ApiKey> list() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM api_keys WHERE secret_sha256 NOT LIKE '" + TokenAccounts.MARKER + "%'"
                    + " ORDER BY created_at, id");
                 ResultSet rows = select.executeQuery()) {
                List<ApiKey> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(key(rows));
                }
                return keys;
            }
        });
    }

    /**
     * Replaces the settings of a key that is not revoked, with the audit row {@code audit} makes of the settings
     * before and the key after, in one transaction; empty if the key does not exist.
     */
    Optional<ApiKey> update(String id, UnaryOperator<KeySettings> change,
                            BiFunction<KeySettings, ApiKey, AuditEvent> audit) {
        return db.transaction(c -> {
            Optional<ApiKey> current = lockOne(c, id);
            if (current.isEmpty()) {
                return current;
            }
            if (current.get().revokedAt() != null) {
                throw new KeyRevokedException(id);
            }
            KeySettings settings = change.apply(current.get().settings());
            try (PreparedStatement update = c.prepareStatement("UPDATE api_keys SET name = ?, requests_per_minute = ?,"
                    + " requests_per_hour = ?, characters_per_day = ?, characters_per_month = ?, enabled = ?,"
                    + " expires_at = ?, scopes = ?, allowed_ips = ?, require_signature = ? WHERE id = ?")) {
                setSettings(update, settings, 1, 2);
                update.setString(11, id);
                update.executeUpdate();
            }
            ApiKey k = current.get();
            ApiKey changed = new ApiKey(k.id(), k.prefix(), settings, k.createdAt(), k.lastUsedAt(), null);
            AuditTrail.insert(c, audit.apply(k.settings(), changed));
            return Optional.of(changed);
        }, () -> { });
    }

    /**
     * Revokes a key (idempotent: the first revocation time stays), with the audit row {@code audit} makes of the
     * revoked key and whether it was revoked now, in one transaction; empty if the key does not exist.
     */
    Optional<ApiKey> revoke(String id, OffsetDateTime at, BiFunction<ApiKey, Boolean, AuditEvent> audit) {
        return db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                update.setObject(1, at);
                update.setString(2, id);
                boolean now = update.executeUpdate() == 1;
                Optional<ApiKey> revoked = one(c, "id", id);
                if (revoked.isPresent()) {
                    AuditTrail.insert(c, audit.apply(revoked.get(), now));
                }
                return revoked;
            }
        }, () -> { });
    }

    private static Optional<ApiKey> one(Connection c, String column, String value) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM api_keys WHERE " + column + " = ?", value);
    }

    private static Optional<ApiKey> lockOne(Connection c, String id) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM api_keys WHERE id = ? FOR UPDATE", id);
    }

    private static Optional<ApiKey> select(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(key(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Sets name at {@code nameIndex}, the four limits from {@code limitsIndex}, then enabled, expires_at, scopes,
     * allowed_ips and require_signature.
     */
    private static void setSettings(PreparedStatement statement, KeySettings settings, int nameIndex, int limitsIndex)
            throws SQLException {
        statement.setString(nameIndex, settings.name());
        KeyLimits limits = settings.limits();
        setLong(statement, limitsIndex, limits.requestsPerMinute());
        setLong(statement, limitsIndex + 1, limits.requestsPerHour());
        setLong(statement, limitsIndex + 2, limits.charactersPerDay());
        setLong(statement, limitsIndex + 3, limits.charactersPerMonth());
        statement.setBoolean(limitsIndex + 4, settings.enabled());
        if (settings.expiresAt() == null) {
            statement.setNull(limitsIndex + 5, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(limitsIndex + 5, settings.expiresAt());
        }
        statement.setString(limitsIndex + 6, settings.scopes() == null ? null : settings.scopes().stream()
                .sorted().map(Scope::code).collect(Collectors.joining(" ")));
        statement.setString(limitsIndex + 7, settings.allowedIps().isEmpty() ? null
                : String.join(" ", settings.allowedIps()));
        statement.setBoolean(limitsIndex + 8, settings.requireSignature());
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        KeyLimits limits = new KeyLimits(getLong(row, "requests_per_minute"), getLong(row, "requests_per_hour"),
                getLong(row, "characters_per_day"), getLong(row, "characters_per_month"));
        KeySettings settings = new KeySettings(row.getString("name"), limits, row.getBoolean("enabled"),
                row.getObject("expires_at", OffsetDateTime.class), scopes(row.getString("scopes")),
                row.getString("allowed_ips") == null ? List.of() : List.of(row.getString("allowed_ips").split(" ")),
                row.getBoolean("require_signature"));
        return new ApiKey(row.getString("id"), row.getString("display_prefix"), settings,
                row.getObject("created_at", OffsetDateTime.class), row.getObject("last_used_at", OffsetDateTime.class),
                row.getObject("revoked_at", OffsetDateTime.class));
    }

    /** Names this server does not know (written by a newer one) are left out: a key never gains by them. */
    private static Set<Scope> scopes(String column) {
        if (column == null) {
            return null;
        }
        return Arrays.stream(column.split(" ")).map(Scope::parse).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    private static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
