package dev.sema.api;

import dev.sema.api.error.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdminTokenTest {

    private static int status(AdminToken token, String authorization) {
        return assertThrows(ApiException.class, () -> token.check(authorization)).status();
    }

    @Test
    void withoutAConfiguredTokenEveryCallIsNotFound() {
        for (Optional<String> unset : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            AdminToken token = new AdminToken(config(unset));
            assertEquals(404, status(token, null));
            assertEquals(404, status(token, "Bearer anything"));
        }
    }

    @Test
    void bearerTokensAreChecked() {
        AdminToken token = new AdminToken(config(Optional.of("s3cret")));
        ApiException missing = assertThrows(ApiException.class, () -> token.check(null));
        assertEquals(401, missing.status());
        assertEquals("Bearer realm=\"sema-admin\"", missing.headers().get("WWW-Authenticate"));
        assertEquals(401, status(token, "Basic czNjcmV0"));
        assertEquals(403, status(token, "Bearer s3cre"));
        assertEquals(403, status(token, "Bearer s3cret2"));
        assertEquals(403, status(token, "Bearer S3CRET"));
        assertDoesNotThrow(() -> token.check("Bearer s3cret"));
        assertDoesNotThrow(() -> token.check("bearer  s3cret "));
    }

    private static ApiConfig config(Optional<String> adminToken) {
        return new ApiConfig(List.of("*"), 5000, 100, 8, 1000, 10, "test", 65536, 32, adminToken, 600, 32768);
    }
}
