package dev.sema.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Creating, listing, changing and revoking keys, and reading their usage: the admin API's domain. */
public final class KeyAdministration {

    private final KeyStore store;
    private final UsageLedger ledger;
    private final UsageSettler settler;
    private final KeyAuthenticator authenticator;
    private final AccountsEvents events;
    private final Clock clock;

    KeyAdministration(KeyStore store, UsageLedger ledger, UsageSettler settler, KeyAuthenticator authenticator,
                      AccountsEvents events, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.settler = settler;
        this.authenticator = authenticator;
        this.events = events;
        this.clock = clock;
    }

    /** A new key, audited as {@code actor}'s; the returned secret is the only copy there will ever be. */
    public NewKey create(KeySettings settings, Actor actor) {
        String secret = KeySecrets.newSecret();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        ApiKey key = new ApiKey(KeySecrets.newId(), KeySecrets.displayPrefix(secret), settings, now, null, null);
        store.insert(key, KeySecrets.digest(secret), actor.event(now, AuditEvent.KEY_CREATED, key.id(),
                AuditEvent.Outcome.SUCCESS, SettingsChanges.between(null, settings)));
        events.keyChanged("api_key_created", key.id());
        return new NewKey(key, secret);
    }

    /** Every key, with a {@code last_used_at} as up to date as {@link #usage}. */
    public List<ApiKey> list() {
        settler.flush();
        return store.list();
    }

    /** The key, with a {@code last_used_at} as up to date as {@link #usage}. @throws UnknownKeyException if none */
    public ApiKey get(String id) {
        settler.flush();
        return store.find(id).orElseThrow(() -> new UnknownKeyException(id));
    }

    /**
     * Changes a key, audited as {@code actor}'s with every changed field.
     *
     * @throws UnknownKeyException if there is no such key
     * @throws KeyRevokedException if it is revoked
     */
    public ApiKey update(String id, UnaryOperator<KeySettings> change, Actor actor) {
        ApiKey key = store.update(id, change, (before, after) -> actor.event(OffsetDateTime.now(
                clock.withZone(ZoneOffset.UTC)), AuditEvent.KEY_UPDATED, id, AuditEvent.Outcome.SUCCESS,
                SettingsChanges.between(before, after.settings())))
                .orElseThrow(() -> new UnknownKeyException(id));
        authenticator.forgetAll();
        events.keyChanged("api_key_updated", id);
        return key;
    }

    /**
     * Revokes for good (idempotent), audited as {@code actor}'s. @throws UnknownKeyException if there is no such key
     */
    public ApiKey revoke(String id, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        ApiKey key = store.revoke(id, now, (revoked, justNow) -> actor.event(now, AuditEvent.KEY_REVOKED, id,
                        AuditEvent.Outcome.SUCCESS, justNow ? "" : "already revoked at " + revoked.revokedAt()))
                .orElseThrow(() -> new UnknownKeyException(id));
        authenticator.forgetAll();
        events.keyChanged("api_key_revoked", id);
        return key;
    }

    /**
     * Usage in the current UTC day and month, with every request this server has answered (other servers' within
     * their settle interval, {@link UsageSettler#INTERVAL}).
     */
    public Map<Period, PeriodUsage> usage(ApiKey key) {
        settler.flush();
        return ledger.current(key);
    }

    /**
     * Per-day usage rows, {@code from} to {@code to} inclusive, as up to date as {@link #usage}.
     *
     * @throws UnknownKeyException if there is no such key
     */
    public List<DailyUsage> days(String id, LocalDate from, LocalDate to) {
        get(id);
        return ledger.days(id, from, to);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
