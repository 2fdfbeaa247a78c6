package dev.sema.identity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenConfigTest {

    @Test
    void keysAreFetchedAgainMoreOftenThanTheyAreCached() {
        assertThrows(IllegalArgumentException.class, () -> new TokenConfig(java.util.Optional.empty(),
                java.util.Optional.empty(), "sema", "roles", java.time.Duration.ZERO, java.time.Duration.ofMinutes(5),
                0, 0, Map.of()));
    }

    @Test
    void roleAllowListsAreRolesApartBySemicolonsAndBlocksBySpaces() {
        assertEquals(Map.of("admin", List.of("10.0.0.0/8", "2001:db8::/32"), "operator", List.of("192.0.2.0/24")),
                TokenConfig.roleAllowedIps(" admin=10.0.0.0/8  2001:db8::/32 ;operator=192.0.2.0/24;"));
        assertEquals(Map.of(), TokenConfig.roleAllowedIps(""));
        for (String bad : List.of("admin", "=10.0.0.0/8", "admin= ")) {
            assertThrows(IllegalArgumentException.class, () -> TokenConfig.roleAllowedIps(bad), bad);
        }
    }
}
