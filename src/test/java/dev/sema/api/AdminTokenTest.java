package dev.sema.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTokenTest {

    @Test
    void withoutAConfiguredTokenNothingMatches() {
        for (Optional<String> unset : List.of(Optional.<String>empty(), Optional.of("  "))) {
            AdminToken token = new AdminToken(config(unset));
            assertFalse(token.configured());
            assertFalse(token.matches(""));
            assertFalse(token.matches("anything"));
        }
    }

    @Test
    void onlyTheExactTokenMatches() {
        AdminToken token = new AdminToken(config(Optional.of("s3cret")));
        assertTrue(token.configured());
        assertTrue(token.matches("s3cret"));
        assertTrue(token.matches(" s3cret "), "surrounding spaces are no part of a token");
        assertFalse(token.matches("s3cre"));
        assertFalse(token.matches("s3cret2"));
        assertFalse(token.matches("S3CRET"));
    }

    private static ApiConfig config(Optional<String> adminToken) {
        return new ApiConfig(List.of("*"), 5000, 100, 8, 1000, 10, "test", 65536, 32, adminToken, 600, 32768);
    }
}
