package dev.sema.accounts;

import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing secrets: handed out once, stored sealed under the sealing key and bound to their key. */
class SigningSecretsTest {

    static final KeySettings PLAIN = new KeySettings("k", KeyLimits.UNLIMITED, true, null, null, List.of());
    private static final KeySettings SIGNING = new KeySettings("k", KeyLimits.UNLIMITED, true, null, null,
            List.of(), true);

    private final TestLedger t = new TestLedger(Instant.parse("2026-12-06T12:00:00Z"));
    private final KeyAuthenticator auth = t.authenticator(AccountsMode.OPTIONAL);

    @Test
    void everyKeyGetsASecretThatIsStoredOnlySealedAndOpensForItsOwnKeyOnly() throws Exception {
        KeyAdministration admin = t.administration(auth);
        NewKey key = admin.create(PLAIN, KeyAuthenticatorTest.ADMIN);
        assertTrue(key.signingSecret().startsWith("sig_") && key.signingSecret().length() == 47,
                key.signingSecret());
        assertEquals(Optional.of(key.signingSecret()), admin.signingSecret(key.key().id()));
        assertFalse(key.toString().contains(key.signingSecret()));

        String stored = column(key.key().id());
        assertFalse(stored.contains(key.signingSecret().substring(4)), "never in plain text");
        SigningSecrets secrets = new SigningSecrets(Optional.of(TestLedger.SIGNING_KEK));
        assertEquals(key.signingSecret(), secrets.open(stored, key.key().id()));
        assertThrows(IllegalStateException.class, () -> secrets.open(stored, "key_0000000000000000"));
        assertNotEquals(stored, secrets.seal(key.signingSecret(), key.key().id()), "a fresh IV each time");
    }

    @Test
    void aKeyCanBeMadeToSignLaterButNotWithoutASealingKey() {
        KeyAdministration admin = t.administration(auth);
        NewKey key = admin.create(PLAIN, KeyAuthenticatorTest.ADMIN);
        assertTrue(admin.update(key.key().id(), s -> SIGNING, KeyAuthenticatorTest.ADMIN).settings()
                .requireSignature());
        assertTrue(admin.get(key.key().id()).settings().requireSignature());

        KeyAdministration without = t.administration(auth, new SigningSecrets(Optional.empty()));
        assertThrows(SigningUnavailableException.class, () -> without.create(SIGNING, KeyAuthenticatorTest.ADMIN));
        NewKey unsealed = without.create(PLAIN, KeyAuthenticatorTest.ADMIN);
        assertNull(unsealed.signingSecret());
        assertThrows(SigningUnavailableException.class, () -> admin.update(unsealed.key().id(), s -> SIGNING,
                KeyAuthenticatorTest.ADMIN), "created without a secret: even a server with a sealing key refuses");
        assertFalse(admin.get(unsealed.key().id()).settings().requireSignature());
    }

    @Test
    void aSealingKeyMustBeBase64Of32Bytes() {
        assertThrows(IllegalStateException.class, () -> new SigningSecrets(Optional.of("not base64!")));
        assertThrows(IllegalStateException.class, () -> new SigningSecrets(Optional.of("AAEC")));
        assertFalse(new SigningSecrets(Optional.of(" ")).available());
    }

    private String column(String id) throws Exception {
        return t.database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT signing_secret FROM api_keys WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        });
    }
}
