package dev.sema.guard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientResolverTest {

    private final ClientResolver behindProxy = ClientResolver.fromConfig("10.0.0.0/8, 2001:db8:ffff::/48 ,127.0.0.1");
    private final ClientResolver direct = ClientResolver.fromConfig("");

    @Test
    void withoutProxiesThePeerIsTheClientAndForwardedHeadersAreIgnored() {
        assertEquals("ip:203.0.113.9",
                direct.resolve("203.0.113.9", List.of("for=198.51.100.1"), List.of("198.51.100.1")));
    }

    @Test
    void spoofedForwardingFromAnUntrustedPeerIsIgnored() {
        assertEquals("ip:203.0.113.9",
                behindProxy.resolve("203.0.113.9", List.of(), List.of("198.51.100.1")));
    }

    @Test
    void aTrustedProxyIsBelievedAndTheRightMostUntrustedHopWins() {
        // the client wrote "1.1.1.1" itself; 198.51.100.7 is what our first proxy saw
        assertEquals("ip:198.51.100.7", behindProxy.resolve("10.1.2.3", List.of(),
                List.of("1.1.1.1, 198.51.100.7", "10.9.9.9")));
    }

    @Test
    void rfc7239ForwardedIsPreferredAndQuotedIpv6WithPortIsParsed() {
        assertEquals("ip:2001:db8:cafe:0:0:0:0:17", behindProxy.resolve("10.0.0.1",
                List.of("for=192.0.2.43, for=\"[2001:db8:cafe::17]:4711\";proto=https"), List.of("192.0.2.99")));
    }

    @Test
    void ipv6ProxiesMatchByCidr() {
        assertEquals("ip:192.0.2.60", behindProxy.resolve("2001:db8:ffff:1::5", List.of(),
                List.of("192.0.2.60:1234")));
        assertEquals("ip:2001:db8:fffe:0:0:0:0:5", behindProxy.resolve("2001:db8:fffe::5", List.of(),
                List.of("192.0.2.60")), "just outside the /48 is not trusted");
    }

    @Test
    void anUnparsableHopStopsAtTheLastTrustedProxy() {
        assertEquals("ip:10.0.0.2", behindProxy.resolve("10.0.0.1", List.of(),
                List.of("unknown, 10.0.0.2")));
        assertEquals("ip:10.0.0.1", behindProxy.resolve("10.0.0.1", List.of("for=_hidden"), List.of()));
    }

    @Test
    void rangesParseAndMatch() {
        IpRange v4 = IpRange.parse("192.168.0.0/16");
        assertTrue(v4.contains(IpRange.parseLiteral("192.168.255.1").orElseThrow()));
        assertFalse(v4.contains(IpRange.parseLiteral("192.169.0.1").orElseThrow()));
        assertFalse(v4.contains(IpRange.parseLiteral("::1").orElseThrow()));
        IpRange odd = IpRange.parse("10.0.0.0/9");
        assertTrue(odd.contains(IpRange.parseLiteral("10.127.0.1").orElseThrow()));
        assertFalse(odd.contains(IpRange.parseLiteral("10.128.0.1").orElseThrow()));
        assertTrue(IpRange.parse("0.0.0.0/0").contains(IpRange.parseLiteral("8.8.8.8").orElseThrow()));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("proxy.example.com"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("300.1.1.1"));
    }

    @Test
    void literalsNeverResolveNames() {
        assertTrue(IpRange.parseLiteral("localhost").isEmpty());
        assertTrue(IpRange.parseLiteral("example.com:80").isEmpty());
        assertTrue(IpRange.parseLiteral("unknown").isEmpty());
        assertTrue(IpRange.parseLiteral("[::1").isEmpty());
        assertTrue(IpRange.parseLiteral("cafe:80").isEmpty());
        assertTrue(IpRange.parseLiteral("1:2:3:4:5:6:7:8:9").isEmpty());
        assertEquals("0:0:0:0:0:0:0:1", IpRange.parseLiteral("[::1]:8080").orElseThrow().getHostAddress());
    }
}
