package dev.sema.api;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BearerTokenTest {

    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheTokenTrimmed() {
        assertEquals(Optional.of("sema_abc"), BearerToken.of("Bearer sema_abc"));
        assertEquals(Optional.of("sema_abc"), BearerToken.of("bearer  sema_abc "));
    }

    @Test
    void otherSchemesAndEmptyTokensAreNoToken() {
        assertEquals(Optional.empty(), BearerToken.of(null));
        assertEquals(Optional.empty(), BearerToken.of("Basic dXNlcjpwYXNz"));
        assertEquals(Optional.empty(), BearerToken.of("Bearer   "));
        assertEquals(Optional.empty(), BearerToken.of("Bearer"));
    }
}
