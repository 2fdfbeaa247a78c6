package dev.sema.guard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedAddressesTest {

    @Test
    void blocksAreCanonicalWithHostBitsCleared() {
        assertEquals(List.of("10.0.0.0/8", "127.0.0.1/32", "2001:db8:0:0:0:0:0:0/32", "0:0:0:0:0:0:0:1/128",
                        "192.168.0.0/23"),
                AllowedAddresses.parse(List.of("10.1.2.3/8", "127.0.0.1", "2001:db8::1/32", "::1", "192.168.1.255/23"))
                        .cidrs());
    }

    @Test
    void aClientIsAdmittedOnlyInsideABlockOfItsFamily() {
        AllowedAddresses allowed = AllowedAddresses.parse(List.of("127.0.0.1/32", "2001:db8::/32"));
        assertTrue(allowed.admits("127.0.0.1"));
        assertFalse(allowed.admits("127.0.0.2"));
        assertTrue(allowed.admits("2001:db8:ffff::1"));
        assertFalse(allowed.admits("2001:db9::1"));
        assertFalse(allowed.admits("::ffff:127.0.0.2"), "an IPv4-mapped address is its IPv4 address");
        assertTrue(allowed.admits("::ffff:127.0.0.1"));
        assertFalse(allowed.admits("unknown"), "a peer that is no IP literal is nowhere");
        assertTrue(AllowedAddresses.ANYWHERE.admits("unknown"), "no blocks: anywhere");
    }

    @Test
    void badBlocksAreRefused() {
        for (String bad : List.of("300.1.1.1", "10.0.0.0/33", "::1/129", "example.org", "10.0.0.0/x", "")) {
            assertThrows(IllegalArgumentException.class, () -> AllowedAddresses.parse(List.of(bad)), bad);
        }
    }
}
