package dev.sema.accounts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token subjects' accounts: in the keys' ledger, with the limits each request brings, never a usable key. */
class TokenAccountsTest {

    private static final String SUBJECT = "5c0d4a8e-7d57-4d0f-9a51-0f5a3c1e2b77";

    private final TestLedger t = new TestLedger(Instant.parse("2026-12-06T12:00:00Z"));
    private final TokenAccounts accounts = new TokenAccounts(t.database, t.clock);

    @Test
    void aSubjectsRequestsAreReservedChargedAndReadLikeAKeysUnderItsPlan() throws Exception {
        ApiKey account = accounts.account(SUBJECT, 100L, null);
        assertTrue(account.id().matches("tok_[0-9a-f]{16}"), account.id());
        assertEquals(account.id(), accounts.account(SUBJECT, 100L, null).id(), "one account per subject");
        assertEquals(account.id(), new TokenAccounts(t.database, t.clock).account(SUBJECT, 5L, 5L).id(),
                "another server finds the same row");

        Hold first = t.quotas.reserve(account, 60);
        t.quotas.finish(first, true);
        assertThrows(QuotaExceededException.class, () -> t.quotas.reserve(account, 60));
        Hold failed = t.quotas.reserve(account, 40);
        t.quotas.finish(failed, false);
        KeyAdministration admin = t.administration(t.authenticator(AccountsMode.OPTIONAL));
        PeriodUsage day = admin.usage(account).get(Period.DAY);
        assertEquals(60, day.characters());
        assertEquals(100L, day.limit());
        assertEquals(1, day.requests());

        ApiKey promoted = accounts.account(SUBJECT, null, null);
        t.quotas.finish(t.quotas.reserve(promoted, 500), true);
        assertEquals(560, admin.usage(promoted).get(Period.DAY).characters(), "the same ledger rows, a new plan");
    }

    @Test
    void anAccountIsNoKeyNobodyCanAuthenticateAsItAndTheKeyListLeavesItOut() {
        ApiKey account = accounts.account(SUBJECT, null, null);
        KeyAuthenticator auth = t.authenticator(AccountsMode.OPTIONAL);
        KeyAdministration admin = t.administration(auth);
        NewKey key = admin.create(SigningSecretsTest.PLAIN, KeyAuthenticatorTest.ADMIN);
        assertEquals(List.of(key.key().id()), admin.list().stream().map(ApiKey::id).toList());
        String stored = TokenAccounts.MARKER + KeySecrets.digest(SUBJECT).substring(0, 50);
        for (String bearer : new String[] {SUBJECT, stored, "token:" + SUBJECT, account.id()}) {
            assertThrows(InvalidApiKeyException.class, () -> auth.authenticate(Optional.of(bearer)), bearer);
        }
        assertFalse(account.toString().contains("token-subject"));
    }
}
