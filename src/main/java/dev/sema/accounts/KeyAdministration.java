package dev.sema.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Creating, listing, changing and revoking keys, and reading their usage: the admin API's domain. */
public final class KeyAdministration {

    private final KeyStore store;
    private final UsageLedger ledger;
    private final UsageSettler settler;
    private final KeyAuthenticator authenticator;
    private final AccountsEvents events;
    private final SigningSecrets signing;
    private final Clock clock;

    KeyAdministration(KeyStore store, UsageLedger ledger, UsageSettler settler, KeyAuthenticator authenticator,
                      AccountsEvents events, SigningSecrets signing, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.settler = settler;
        this.authenticator = authenticator;
        this.events = events;
        this.signing = signing;
        this.clock = clock;
    }

    /**
     * A new key, audited as {@code actor}'s; the returned secrets are the only copies that will ever leave the server.
     * Every key gets a signing secret while a sealing key is configured, so that it can be made to sign later.
     *
     * @throws SigningUnavailableException when it is to sign and there is no sealing key
     */
    public NewKey create(KeySettings settings, Actor actor) {
        if (settings.requireSignature() && !signing.available()) {
            throw new SigningUnavailableException("Keys cannot sign requests here: the server has no"
                    + " sema.signing-kek (SEMA_SIGNING_KEK) to keep their signing secrets with.");
        }
        String secret = KeySecrets.newSecret();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        ApiKey key = new ApiKey(KeySecrets.newId(), KeySecrets.displayPrefix(secret), settings, now, null, null);
        String signingSecret = signing.available() ? SigningSecrets.newSecret() : null;
        store.insert(key, KeySecrets.digest(secret), signingSecret == null ? null : signing.seal(signingSecret,
                key.id()), actor.event(now, AuditEvent.KEY_CREATED, key.id(), AuditEvent.Outcome.SUCCESS,
                SettingsChanges.between(null, settings)));
        events.keyChanged("api_key_created", key.id());
        return new NewKey(key, secret, signingSecret);
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
     * @throws SigningUnavailableException if it is to start signing and has no signing secret
     */
    public ApiKey update(String id, UnaryOperator<KeySettings> change, Actor actor) {
        UnaryOperator<KeySettings> checked = before -> {
            KeySettings after = change.apply(before);
            if (after.requireSignature() && !before.requireSignature() && signingSecret(id).isEmpty()) {
                throw new SigningUnavailableException("Key '" + id + "' has no signing secret (it was created while"
                        + " the server had no sema.signing-kek): create a new key to sign requests with.");
            }
            return after;
        };
        ApiKey key = store.update(id, checked, (before, after) -> actor.event(OffsetDateTime.now(
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

    /**
     * The key's signing secret, for checking a signature: read from the database each time, so that it is kept in
     * memory no longer than the check. Empty when the key has none or no sealing key is configured.
     *
     * @throws AccountsUnavailableException when the database cannot be asked
     */
    public Optional<String> signingSecret(String id) {
        return signing.available() ? store.sealedSigningSecret(id).map(s -> signing.open(s, id)) : Optional.empty();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
