package it.dev.sema.guard;

import it.dev.sema.FromAddress;
import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-client quota on the bare server (60/minute, 1000/hour, trusted proxies 127.0.0.1 and 127.0.0.2, API keys
 * off; see pom.xml). The bare server has no models, so a request that passes the limiter ends in 503
 * {@code model_not_loaded}: the limiter runs first and still charges it. Each test is a client of its own: an
 * address in X-Forwarded-For, which the trusted proxy 127.0.0.1 (the test's own connection) vouches for.
 */
class RateLimitIT {

    private static final String TRANSLATE = "{\"text\":\"Habari\",\"source_language\":\"swh_Latn\","
            + "\"target_language\":\"eng_Latn\"}";
    private static final String DETECT = "{\"text\":\"Habari ya asubuhi\"}";

    private final Http bare = Http.bare();

    @Test
    void sixtyFivePostsGiveSixtyPassesAndFive429sWithHeaders() {
        Map<String, String> client = client();
        int limit = Integer.parseInt(translate("/translate", client).header("RateLimit-Limit"));
        assertEquals(60, limit, "the bare server runs with the default 60 per minute");
        int passed = 1;
        for (int i = 1; i < limit + 5; i++) {
            Http.Reply reply = translate(i % 2 == 0 ? "/translate" : "/api/v1/translate", client);
            if (reply.status() != 429) {
                reply.error(503, "model_not_loaded");
                assertEquals(Integer.toString(limit - 1 - i), reply.header("RateLimit-Remaining"), reply.request());
                passed++;
                continue;
            }
            JsonObject error = reply.error(429, "rate_limited");
            assertTrue(error.getString("detail").contains("60 per minute"), error.toString());
            assertEquals("60", reply.header("RateLimit-Limit"));
            assertEquals("0", reply.header("RateLimit-Remaining"));
            long reset = Long.parseLong(reply.header("RateLimit-Reset"));
            long retryAfter = Long.parseLong(reply.header("Retry-After"));
            assertTrue(reset >= 1 && reset <= 60, "reset " + reset);
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "retry after " + retryAfter);
        }
        assertEquals(limit, passed, "exactly the quota passes the limiter");
    }

    @Test
    void everyPrefixAndEndpointDrawsFromOneBudgetAndBatchesCostOnePerText() {
        Map<String, String> client = client();
        assertEquals("59", translate("/translate", client).header("RateLimit-Remaining"));
        assertEquals("58", translate("/api/v1/translate", client).header("RateLimit-Remaining"));
        assertEquals("57", bare.post("/detect-language", DETECT, json(client)).header("RateLimit-Remaining"));
        assertEquals("56", bare.post("/api/v1/detect-language", DETECT, json(client)).header("RateLimit-Remaining"));
        Http.Reply batch = bare.post("/translate/batch", batch(10), json(client));
        batch.error(503, "model_not_loaded");
        assertEquals("46", batch.header("RateLimit-Remaining"), "a batch of 10 costs 10");
        Http.Reply tooMany = bare.post("/api/v1/translate/batch", batch(47), json(client));
        tooMany.error(429, "rate_limited");
        assertNotNull(tooMany.header("Retry-After"));
        assertEquals("44", translate("/translate", client).header("RateLimit-Remaining"),
                "a batch refused for its size costs only the one request charged before its body was read");
    }

    @Test
    void differentClientsHaveIndependentBudgets() {
        Map<String, String> first = client();
        for (int i = 0; i < 60; i++) {
            bare.post("/api/v1/detect-language", DETECT, json(first)).error(503, "model_not_loaded");
        }
        bare.post("/detect-language", DETECT, json(first)).error(429, "rate_limited");
        Http.Reply other = translate("/translate", client());
        other.error(503, "model_not_loaded");
        assertEquals("59", other.header("RateLimit-Remaining"));
    }

    @Test
    void unratedEndpointsCarryNoQuota() {
        Http.Reply languages = bare.get("/api/v1/languages", client());
        languages.expect(200);
        assertNull(languages.header("RateLimit-Limit"));
    }

    /** From 127.0.0.3 (not a trusted proxy) X-Forwarded-For is the client's own claim: ignored. */
    @Test
    void spoofedForwardedForFromAnUntrustedPeerIsIgnored() throws IOException {
        int first = remaining(raw("127.0.0.3", "X-Forwarded-For: 203.0.113." + (int) (Math.random() * 250)));
        int second = remaining(raw("127.0.0.3", "X-Forwarded-For: 198.51.100." + (int) (Math.random() * 250)));
        assertEquals(first - 1, second, "both requests are the peer 127.0.0.3's, whatever the header says");
    }

    /** With SEMA_API_KEYS=off a bearer token is ignored: it neither names a client nor is refused. */
    @Test
    void withApiKeysOffABearerTokenIsNoIdentity() {
        Map<String, String> client = client();
        Map<String, String> first = new java.util.HashMap<>(json(client));
        first.put("Authorization", "Bearer made-up-1");
        Map<String, String> second = new java.util.HashMap<>(json(client));
        second.put("Authorization", "Bearer made-up-2");
        assertEquals("59", bare.post("/translate", TRANSLATE, first).header("RateLimit-Remaining"));
        Http.Reply other = bare.post("/translate", TRANSLATE, second);
        other.error(503, "model_not_loaded");
        assertEquals("58", other.header("RateLimit-Remaining"), "one IP, one budget, whatever the token");
    }

    /** From the trusted proxy 127.0.0.2 the right-most untrusted hop is the client. */
    @Test
    void forwardedForFromTheTrustedProxyNamesTheClient() throws IOException {
        String a = "192.0.2." + (1 + (int) (Math.random() * 250));
        String b = "2001:db8::" + Integer.toHexString(1 + (int) (Math.random() * 60000));
        assertEquals(59, remaining(raw("127.0.0.2", "X-Forwarded-For: 10.9.9.9, " + a)), "a fresh client");
        assertEquals(58, remaining(raw("127.0.0.2", "X-Forwarded-For: 10.1.1.1, " + a)),
                "the same client, whatever it claims left of the proxy's entry");
        assertEquals(59, remaining(raw("127.0.0.2", "Forwarded: for=\"[" + b + "]\"")), "RFC 7239 works too");
    }

    private Http.Reply translate(String path, Map<String, String> client) {
        return bare.post(path, TRANSLATE, json(client));
    }

    /** A fresh client: a random documentation address (RFC 3849) forwarded by the trusted proxy 127.0.0.1. */
    private static Map<String, String> client() {
        UUID random = UUID.randomUUID();
        return Map.of("X-Forwarded-For", "2001:db8:" + Long.toHexString(random.getMostSignificantBits() & 0xffff)
                + ":" + Long.toHexString(random.getLeastSignificantBits() & 0xffff) + "::1");
    }

    private static Map<String, String> json(Map<String, String> client) {
        return Map.of("Content-Type", "application/json", "X-Forwarded-For", client.get("X-Forwarded-For"));
    }

    private static String batch(int texts) {
        return "{\"texts\":[" + String.join(",", Collections.nCopies(texts, "\"Habari\""))
                + "],\"source_language\":\"swh_Latn\",\"target_language\":\"eng_Latn\"}";
    }

    private static int remaining(String response) {
        for (String line : response.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("ratelimit-remaining:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new AssertionError("no RateLimit-Remaining in:\n" + response);
    }

    /** One POST /detect-language from the given local address, answered with the raw status line and headers. */
    private static String raw(String localAddress, String extraHeader) throws IOException {
        String text = FromAddress.post(localAddress, "http.port.bare", "/detect-language", extraHeader + "\r\n",
                DETECT);
        assertTrue(text.startsWith("HTTP/1.1 503"), text);
        return text;
    }
}
