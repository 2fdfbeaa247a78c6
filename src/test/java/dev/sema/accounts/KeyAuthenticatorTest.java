package dev.sema.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyAuthenticatorTest {

    static final Actor ADMIN = new Actor("admin_token", "req-1", "127.0.0.1");

    private final TestLedger t = new TestLedger(Instant.parse("2026-12-03T12:00:00Z"));

    @Test
    void offIgnoresEveryTokenWithoutTouchingTheDatabase() {
        t.setDown(true);
        assertEquals(Optional.empty(), t.authenticator(AccountsMode.OFF).authenticate(Optional.of("sema_whatever")));
    }

    @Test
    void optionalServesAnonymousRequestsAndRefusesEveryUnusableKey() {
        KeyAuthenticator auth = t.authenticator(AccountsMode.OPTIONAL);
        KeyAdministration admin = t.administration(auth);
        assertEquals(Optional.empty(), auth.authenticate(Optional.empty()));
        NewKey created = admin.create(new KeySettings("k", KeyLimits.UNLIMITED, true, null, null, List.of()), ADMIN);
        assertEquals(created.key().id(), auth.authenticate(Optional.of(created.secret())).orElseThrow().id());
        assertEquals("unknown", assertThrows(InvalidApiKeyException.class,
                () -> auth.authenticate(Optional.of("sema_madeup"))).reason());

        admin.update(created.key().id(), s -> new KeySettings(s.name(), s.limits(), false, null, null, List.of()),
                ADMIN);
        assertEquals("disabled", assertThrows(InvalidApiKeyException.class,
                () -> auth.require(created.secret())).reason(), "a change on this server applies at once");
        admin.update(created.key().id(), s -> new KeySettings(s.name(), s.limits(), true,
                OffsetDateTime.now(t.clock).plusMinutes(1), null, List.of()), ADMIN);
        auth.require(created.secret());
        t.clock.set(t.clock.instant().plus(Duration.ofMinutes(1)));
        assertEquals("expired", assertThrows(InvalidApiKeyException.class,
                () -> auth.require(created.secret())).reason(), "expiry is checked at use, cached or not");
        admin.revoke(created.key().id(), ADMIN);
        assertEquals("revoked", assertThrows(InvalidApiKeyException.class,
                () -> auth.require(created.secret())).reason());
        assertThrows(KeyRevokedException.class, () -> admin.update(created.key().id(), s -> s, ADMIN));
        assertEquals(List.of("api_key_created", "auth_failed unknown", "api_key_updated", "auth_failed disabled",
                "api_key_updated", "auth_failed expired", "api_key_revoked", "auth_failed revoked"), t.events.seen);
    }

    @Test
    void requiredRefusesRequestsWithoutAKey() {
        assertThrows(ApiKeyRequiredException.class, () -> t.authenticator(AccountsMode.REQUIRED)
                .authenticate(Optional.empty()));
        assertEquals(List.of("auth_failed missing"), t.events.seen);
    }

    @Test
    void cachedKeysAuthenticateWhileTheDatabaseIsAwayOthersAreUnavailable() {
        KeyAuthenticator auth = t.authenticator(AccountsMode.OPTIONAL);
        NewKey created = t.administration(auth).create(new KeySettings("k", KeyLimits.UNLIMITED, true, null, null,
                List.of()), ADMIN);
        auth.require(created.secret());
        t.setDown(true);
        auth.require(created.secret());
        assertThrows(AccountsUnavailableException.class, () -> auth.require("sema_not_cached"));
    }

    @Test
    void scopesAndAllowListsAreStoredAsChosenAndAbsentScopesMeanEveryNonAdminScope() {
        KeyAuthenticator auth = t.authenticator(AccountsMode.OPTIONAL);
        KeyAdministration admin = t.administration(auth);
        NewKey narrow = admin.create(new KeySettings("k", KeyLimits.UNLIMITED, true, null,
                Set.of(Scope.DETECT, Scope.ADMIN_AUDIT), List.of("192.0.2.0/24")), ADMIN);
        assertEquals(Set.of(Scope.DETECT, Scope.ADMIN_AUDIT), auth.require(narrow.secret()).settings().scopes());
        assertEquals(List.of("192.0.2.0/24"), auth.require(narrow.secret()).settings().allowedIps());

        admin.update(narrow.key().id(), s -> new KeySettings(s.name(), s.limits(), true, null, null, List.of()),
                ADMIN);
        KeySettings reset = auth.require(narrow.secret()).settings();
        assertNull(reset.scopes(), "null is stored as the default, not as today's list");
        assertEquals(List.of(), reset.allowedIps());
        assertEquals(Set.of(Scope.TRANSLATE, Scope.DETECT, Scope.DOCUMENTS, Scope.GLOSSARIES, Scope.USAGE),
                reset.effectiveScopes());
    }
}
