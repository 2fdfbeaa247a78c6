package dev.sema.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditTrailTest {

    private static final Actor MANAGER = new Actor("key_00000000000000aa", "req-7", "203.0.113.7");

    private final TestLedger t = new TestLedger(Instant.parse("2026-12-06T09:00:00Z"));
    private final AuditTrail audit = new AuditTrail(t.database, t.clock);
    private final KeyAdministration admin = t.administration(t.authenticator(AccountsMode.OPTIONAL));

    @Test
    void everyKeyChangeIsAppendedWithItsActorAndWhatChangedNeverTheSecret() {
        NewKey key = admin.create(new KeySettings("partner", new KeyLimits(60L, null, 1000L, null), true, null, null,
                List.of()), MANAGER);
        String id = key.key().id();
        admin.update(id, s -> new KeySettings("partner", s.limits(), true, null, Set.of(Scope.DETECT),
                List.of("10.0.0.0/8")), MANAGER);
        admin.revoke(id, KeyAuthenticatorTest.ADMIN);
        admin.revoke(id, KeyAuthenticatorTest.ADMIN);
        assertThrows(KeyRevokedException.class, () -> admin.update(id, s -> s, MANAGER));

        List<AuditEvent> events = audit.page(new AuditQuery(null, null, null, null, 0, 100)).events();
        assertEquals(List.of("key.created", "key.updated", "key.revoked", "key.revoked"),
                events.stream().map(AuditEvent::action).toList(), "a refused change appends nothing");
        AuditEvent created = events.get(0);
        assertEquals(List.of(MANAGER.name(), id, "req-7", "203.0.113.7", AuditEvent.Outcome.SUCCESS),
                List.of(created.actor(), created.target(), created.requestId(), created.clientAddress(),
                        created.outcome()));
        assertEquals("name: - → partner; enabled: - → true; scopes: - → default; requests_per_minute: - → 60;"
                + " characters_per_day: - → 1000", created.details());
        assertEquals("scopes: default → detect; allowed_ips: - → 10.0.0.0/8", events.get(1).details());
        assertEquals("", events.get(2).details());
        assertEquals("already revoked at " + events.get(2).at(), events.get(3).details());
        assertEquals("admin_token", events.get(3).actor());
        for (AuditEvent e : events) {
            assertEquals(-1, String.valueOf(e).indexOf(key.secret().substring(5)), "a secret in " + e);
        }
    }

    @Test
    void pagesFollowTheIdOrderAndFiltersCombine() {
        for (int i = 0; i < 5; i++) {
            audit.append(MANAGER.event(audit.now(), i % 2 == 0 ? AuditEvent.ADMIN_DENIED : AuditEvent.MODELS_RELOADED,
                    "t" + i, AuditEvent.Outcome.SUCCESS, ""));
            t.clock.set(t.clock.instant().plus(Duration.ofMinutes(1)));
        }
        AuditPage first = audit.page(new AuditQuery(null, null, null, null, 0, 2));
        assertEquals(List.of("t0", "t1"), first.events().stream().map(AuditEvent::target).toList());
        AuditPage second = audit.page(new AuditQuery(null, null, null, null, first.nextAfter(), 2));
        assertEquals(List.of("t2", "t3"), second.events().stream().map(AuditEvent::target).toList());
        AuditPage last = audit.page(new AuditQuery(null, null, null, null, second.nextAfter(), 2));
        assertEquals(List.of("t4"), last.events().stream().map(AuditEvent::target).toList());
        assertNull(last.nextAfter());

        OffsetDateTime start = OffsetDateTime.parse("2026-12-06T09:00:00Z");
        assertEquals(List.of("t2"), audit.page(new AuditQuery(start.plusMinutes(1), start.plusMinutes(4),
                        MANAGER.name(), AuditEvent.ADMIN_DENIED, 0, 100)).events().stream().map(AuditEvent::target)
                .toList(), "from included, to excluded, actor and action");
        assertEquals(List.of(), audit.page(new AuditQuery(null, null, "admin_token", null, 0, 100)).events());
    }

    @Test
    void theSweepDeletesOnlyRowsOlderThanTheRetention() {
        audit.append(MANAGER.event(audit.now(), AuditEvent.MODELS_RELOADED, "old", AuditEvent.Outcome.SUCCESS, ""));
        t.clock.set(t.clock.instant().plus(Duration.ofDays(365)));
        audit.append(MANAGER.event(audit.now(), AuditEvent.MODELS_RELOADED, "new", AuditEvent.Outcome.SUCCESS, ""));
        t.clock.set(t.clock.instant().plus(Duration.ofSeconds(1)));
        assertEquals(1, audit.sweep(Duration.ofDays(365)));
        assertEquals(List.of("new"), audit.page(new AuditQuery(null, null, null, null, 0, 100)).events().stream()
                .map(AuditEvent::target).toList());
    }
}
