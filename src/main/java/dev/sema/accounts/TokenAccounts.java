package dev.sema.accounts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ledger accounts of single sign-on subjects, so that a token's subject is metered like a key: each subject gets a
 * row in {@code api_keys} (the ledger's tables refer to it) under the id {@code tok_} + 16 hex digits of its
 * SHA-256, created on its first metered request. The row can never authenticate: where a key keeps its secret's
 * SHA-256, it keeps {@link #MARKER} and more digits, and no lower-case hex digest contains a colon. Its limits are
 * not read from the row: each request brings the subject's current plan ({@code identity.TokenPlans}), so a role
 * change applies with the next token. Admin routes do not list these rows.
 */
public final class TokenAccounts {

    /** How the secret column of a subject's row starts. */
    static final String MARKER = "token-subject:";
    private static final int NAME_MAX = 200;

    private final AccountsDatabase db;
    private final Clock clock;
    /** Accounts this server knows to exist: their row is never deleted. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    TokenAccounts(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The subject's account, its row created if need be, with the given quotas.
     *
     * @throws AccountsUnavailableException when the row must be created and the database cannot be used
     */
    public ApiKey account(String subject, Long charactersPerDay, Long charactersPerMonth) {
        String digest = KeySecrets.digest(subject);
        String id = "tok_" + digest.substring(0, 16);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        String name = "token:" + subject;
        name = name.length() > NAME_MAX ? name.substring(0, NAME_MAX) : name;
        if (!known.contains(id)) {
            ensure(id, name, MARKER + digest.substring(0, 64 - MARKER.length()), now);
            known.add(id);
        }
        KeySettings settings = new KeySettings(name, new KeyLimits(null, null, charactersPerDay, charactersPerMonth),
                true, null, null, List.of());
        return new ApiKey(id, "token", settings, now, null, null);
    }

    private void ensure(String id, String name, String marker, OffsetDateTime now) {
        db.read(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_keys (id, name, secret_sha256,"
                    + " display_prefix, enabled, created_at) SELECT ?, ?, ?, 'token', TRUE, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM api_keys WHERE id = ?)")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setString(3, marker);
                insert.setObject(4, now);
                insert.setString(5, id);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) { // another server created it just now
                    throw e;
                }
            }
            return null;
        });
    }
}
