package it.dev.sema.accounts;

import it.dev.sema.Http;
import it.dev.sema.MetricsScrape;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API keys, quotas and usage on semaAccountsIT: the default embedded H2 database, mode optional, anonymous limit 10
 * per minute per IP, 127.0.0.1 a trusted proxy (each test names its own anonymous client in X-Forwarded-For).
 */
class AccountsIT {

    private static final String DETECT = "{\"text\":\"Habari ya asubuhi, rafiki yangu\"}";

    private final Http server = Http.on("http.port.accounts").awaitReady(java.time.Duration.ofSeconds(120));

    @Test
    void aKeyIsCreatedListedChangedAndRevokedAndItsSecretIsShownOnce() {
        Http.Reply created = server.post("/api/v1/admin/keys", Keys.body("lifecycle",
                "\"requests_per_minute\":50,\"characters_per_month\":5000"), Keys.ADMIN).expect(201);
        JsonObject key = created.json();
        String secret = key.getString("key");
        String id = key.getString("id");
        assertTrue(secret.matches("sema_[A-Za-z0-9_-]{43}"), "sema_ + 32 random bytes, base64url: " + secret);
        assertEquals(secret.substring(0, 12), key.getString("prefix"));
        assertEquals("/api/v1/admin/keys/" + id, java.net.URI.create(created.header("Location")).getPath());
        assertEquals("active", key.getString("status"));
        assertEquals(50, key.getInt("requests_per_minute"));
        assertFalse(key.containsKey("characters_per_day"), "absent limit = unlimited: " + key);

        server.post("/api/v1/translate", Keys.translation("Good morning"), new Keys.Key(id, secret).headers())
                .expect(200);
        String list = server.get("/api/v1/admin/keys", Keys.ADMIN).expect(200).body();
        assertTrue(list.contains(id), list);
        JsonObject one = Keys.adminView(server, id);
        assertFalse(one.containsKey("key"), "the secret is never shown again: " + one);
        assertTrue(one.containsKey("last_used_at"), one.toString());
        assertEquals(12, one.getJsonObject("usage").getJsonObject("month").getInt("character_count"));
        assertEquals(5000, one.getJsonObject("usage").getJsonObject("month").getInt("character_limit"));
        for (String body : List.of(list, one.toString(), server.get("/metrics").body())) {
            assertFalse(body.contains(secret.substring(12)), "a secret leaked after its 201: " + body);
        }

        JsonObject patched = server.method("PATCH", "/api/v1/admin/keys/" + id,
                "{\"name\":\"renamed\",\"requests_per_minute\":null,\"characters_per_day\":700}", Keys.ADMIN)
                .expect(200).json();
        assertEquals("renamed", patched.getString("name"));
        assertFalse(patched.containsKey("requests_per_minute"), "null removes a limit: " + patched);
        assertEquals(700, patched.getInt("characters_per_day"));
        assertEquals(5000, patched.getInt("characters_per_month"), "absent fields stay");

        JsonObject revoked = server.method("DELETE", "/api/v1/admin/keys/" + id, Keys.ADMIN).expect(200).json();
        assertEquals("revoked", revoked.getString("status"));
        server.post("/api/v1/translate", Keys.translation("Hello"), new Keys.Key(id, secret).headers())
                .error(401, "invalid_api_key");
        server.method("PATCH", "/api/v1/admin/keys/" + id, "{\"enabled\":true}", Keys.ADMIN).error(409, "key_revoked");
        server.get("/api/v1/admin/keys/key_0000000000000000", Keys.ADMIN).error(404, "unknown_key");
        server.get("/api/v1/admin/keys/nonsense", Keys.ADMIN).error(404, "unknown_key");
    }

    @Test
    void theAdminKeyApiWantsTheAdminTokenAndValidInput() {
        server.get("/api/v1/admin/keys").error(401, "unauthorized");
        server.get("/api/v1/admin/keys", Map.of("Authorization", "Bearer wrong")).error(403, "forbidden");
        server.post("/api/v1/admin/keys", "{}", Keys.ADMIN).error(400, "missing_field");
        server.post("/api/v1/admin/keys", Keys.body("x", "\"characters_per_day\":-1"), Keys.ADMIN)
                .error(400, "invalid_value");
        server.post("/api/v1/admin/keys", Keys.body("x", "\"requests_per_minute\":0"), Keys.ADMIN)
                .error(400, "invalid_value");
        server.post("/api/v1/admin/keys", Keys.body("x", "\"expires_at\":\"tomorrow\""), Keys.ADMIN)
                .error(400, "invalid_value");
        server.post("/api/v1/admin/keys", "{\"name\":", Keys.ADMIN).error(400, "malformed_json");
        Keys.Key key = Keys.create(server, Keys.body("validation", ""));
        server.method("PATCH", "/api/v1/admin/keys/" + key.id(), "{\"enabled\":\"yes\"}", Keys.ADMIN)
                .error(400, "invalid_value");
        server.get("/api/v1/admin/keys/" + key.id() + "/usage?from=2026-13-01", Keys.ADMIN)
                .error(400, "invalid_value");
        server.get("/api/v1/admin/keys/" + key.id() + "/usage?from=2026-02-01&to=2026-01-01", Keys.ADMIN)
                .error(400, "invalid_value");
    }

    @Test
    void unknownDisabledAndExpiredKeysAre401NeverAnonymous() {
        Map<String, Double> before = MetricsScrape.of(server);
        server.post("/api/v1/detect-language", DETECT, new Keys.Key("?", "sema_madeup").headers())
                .error(401, "invalid_api_key");
        Keys.Key disabled = Keys.create(server, Keys.body("disabled", "\"enabled\":false"));
        JsonObject error = server.post("/api/v1/translate", Keys.translation("Hi"), disabled.headers())
                .error(401, "invalid_api_key");
        assertTrue(error.getString("detail").contains("disabled"), error.toString());
        Keys.Key expired = Keys.create(server, Keys.body("expired", "\"expires_at\":\"2020-01-01T00:00:00Z\""));
        Http.Reply reply = server.post("/api/v1/translate/batch", "{\"texts\":[\"a\"],\"target_language\":\"fra_Latn\"}",
                expired.headers());
        assertTrue(reply.error(401, "invalid_api_key").getString("detail").contains("expired"), reply.body());
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply.header("WWW-Authenticate"));
        Map<String, Double> after = MetricsScrape.of(server);
        for (String reason : List.of("unknown", "disabled", "expired")) {
            assertEquals(1.0, MetricsScrape.delta(before, after, "sema_auth_failures_total", "reason", reason),
                    reason);
        }
    }

    /** The symptom: after the per-IP limit is spent, made-up bearer tokens got 200. */
    @Test
    void madeUpBearerTokensAfterThePerIpLimitIsSpentAre401() {
        Map<String, String> client = anonymous();
        for (int i = 0; i < 10; i++) {
            server.post("/api/v1/detect-language", DETECT, client).expect(200);
        }
        server.post("/api/v1/detect-language", DETECT, client).error(429, "rate_limited");
        for (int i = 0; i < 5; i++) {
            Map<String, String> madeUp = new java.util.HashMap<>(client);
            madeUp.put("Authorization", "Bearer made-up-" + i);
            server.post("/api/v1/detect-language", DETECT, madeUp).error(401, "invalid_api_key");
        }
    }

    @Test
    void aKeyHasItsOwnRequestLimitsApartFromItsIp() {
        Map<String, String> client = anonymous();
        for (int i = 0; i < 10; i++) {
            server.post("/api/v1/detect-language", DETECT, client).expect(200);
        }
        Keys.Key key = Keys.create(server, Keys.body("limited", "\"requests_per_minute\":3"));
        Map<String, String> keyed = new java.util.HashMap<>(client);
        keyed.putAll(key.headers());
        for (int i = 0; i < 3; i++) {
            Http.Reply ok = server.post("/api/v1/detect-language", DETECT, keyed).expect(200);
            assertEquals("3", ok.header("RateLimit-Limit"));
        }
        server.post("/api/v1/detect-language", DETECT, keyed).error(429, "rate_limited");
        Keys.Key unlimited = Keys.create(server, Keys.body("unlimited", ""));
        Map<String, String> free = new java.util.HashMap<>(client);
        free.putAll(unlimited.headers());
        for (int i = 0; i < 15; i++) {
            Http.Reply ok = server.post("/api/v1/detect-language", DETECT, free).expect(200);
            assertEquals(null, ok.header("RateLimit-Limit"), "a key without request limits has none");
        }
    }

    @Test
    void fortyConcurrentRequestsAgainstAThousandCharactersServeExactlyTen() throws Exception {
        QuotaRace.fortyRequestsAgainstAThousandCharacters(List.of(server));
    }

    @Test
    void charactersAreCodePointsOfEveryTextAndFailuresAreNotCharged() {
        Keys.Key key = Keys.create(server, Keys.body("counting", "\"characters_per_day\":100000"));
        // 𝄞 is one code point (two UTF-16 units); surrounding whitespace is not translated and not charged
        server.post("/api/v1/translate", Keys.translation("  \uD834\uDD1E abc  "), key.headers()).expect(200);
        Double ahead = MetricsScrape.of(server).get(MetricsScrape.key("sema_quota_characters_ahead"));
        assertTrue(ahead != null && ahead >= 0 && ahead <= 10_000, "the block reserved ahead (given back after 1 s"
                + " idle): " + ahead);
        assertEquals(5, Keys.charactersToday(server, key.id()));
        server.post("/api/v1/translate/batch", "{\"texts\":[\"one\",\"three\"],\"source_language\":\"eng_Latn\","
                + "\"target_language\":\"fra_Latn\"}", key.headers()).expect(200);
        assertEquals(13, Keys.charactersToday(server, key.id()));
        server.post("/api/v1/detect-language", DETECT, key.headers()).expect(200);
        JsonObject day = Keys.adminView(server, key.id()).getJsonObject("usage").getJsonObject("day");
        assertEquals(13, day.getInt("character_count"), "detection counts a request, not characters");
        assertEquals(3, day.getInt("requests"));
        server.post("/api/v1/translate", "{\"text\":\"Hello\",\"target_language\":\"xxx_Yyyy\"}", key.headers())
                .error(400, "unsupported_language");
        server.post("/api/v1/translate", "{\"text\":\"" + "x".repeat(5001) + "\",\"target_language\":\"fra_Latn\"}",
                key.headers()).error(413, "text_too_long");
        day = Keys.adminView(server, key.id()).getJsonObject("usage").getJsonObject("day");
        assertEquals(13, day.getInt("character_count"), "refused requests are not charged");
        assertEquals(3, day.getInt("requests"));
    }

    @Test
    void theMonthlyQuotaRefusesWithRetryAfterToTheMonthsEnd() {
        Keys.Key key = Keys.create(server, Keys.body("monthly", "\"characters_per_month\":150"));
        server.post("/api/v1/translate", Keys.translation(Keys.hundredCharacters(1)), key.headers()).expect(200);
        Http.Reply refused = server.post("/api/v1/translate", Keys.translation(Keys.hundredCharacters(2)),
                key.headers());
        JsonObject error = refused.error(429, "quota_exceeded");
        assertEquals("month", error.getString("period"));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        long toMonthEnd = java.time.Duration.between(now, now.toLocalDate().withDayOfMonth(1).plusMonths(1)
                .atStartOfDay(ZoneOffset.UTC)).toSeconds();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(Math.abs(retryAfter - toMonthEnd) <= 60, retryAfter + " vs " + toMonthEnd);
        server.post("/api/v1/translate", Keys.translation("x".repeat(50)), key.headers()).expect(200);
    }

    @Test
    void usageReportsDayAndMonthAndPerDayRowsForTheAdmin() {
        server.get("/api/v1/usage").error(401, "api_key_required");
        server.get("/api/v1/usage", Map.of("Authorization", "Bearer nope")).error(401, "invalid_api_key");
        Keys.Key key = Keys.create(server, Keys.body("usage", "\"characters_per_day\":1000"));
        server.post("/translate", Keys.translation("Habari"), key.headers()).expect(200); // unversioned spelling
        JsonObject usage = server.get("/api/v1/usage", key.headers()).expect(200).json();
        assertEquals(key.id(), usage.getString("key_id"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonObject day = usage.getJsonObject("day");
        assertEquals(6, day.getInt("character_count"));
        assertEquals(1000, day.getInt("character_limit"));
        assertEquals(1, day.getInt("requests"));
        assertEquals(today + "T00:00:00Z", day.getString("period_start"));
        assertEquals(today.plusDays(1) + "T00:00:00Z", day.getString("period_end"));
        JsonObject month = usage.getJsonObject("month");
        assertFalse(month.containsKey("character_limit"), "no monthly quota: " + month);
        assertEquals(today.withDayOfMonth(1).plusMonths(1) + "T00:00:00Z", month.getString("period_end"));
        JsonObject history = server.get("/api/v1/admin/keys/" + key.id() + "/usage?from=" + today.minusDays(3)
                + "&to=" + today, Keys.ADMIN).expect(200).json();
        assertEquals(1, history.getJsonArray("days").size(), history.toString());
        JsonObject row = history.getJsonArray("days").getJsonObject(0);
        assertEquals(today.toString(), row.getString("date"));
        assertEquals(6, row.getInt("character_count"));
        assertEquals(0, server.get("/api/v1/admin/keys/" + key.id() + "/usage?from=" + today.minusDays(9) + "&to="
                + today.minusDays(1), Keys.ADMIN).expect(200).json().getJsonArray("days").size());
    }

    @Test
    void theOpenApiDocumentDescribesKeysUsageAndTheirErrors() {
        String doc = server.get("/openapi").expect(200).body();
        for (String expected : List.of("/api/v1/admin/keys:", "/api/v1/admin/keys/{id}:", "/api/v1/admin/keys/{id}/usage:",
                "/api/v1/usage:", "apiKey:", "scheme: bearer", "ApiKeyRejected", "AccountsUnavailable", "quota_exceeded",
                "invalid_api_key", "api_key_required", "accounts_unavailable")) {
            assertTrue(doc.contains(expected), "OpenAPI lacks " + expected);
        }
    }

    /** An anonymous client of its own: 127.0.0.1 is a trusted proxy on this server. */
    private static Map<String, String> anonymous() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Map.of("Content-Type", "application/json", "X-Forwarded-For",
                "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255));
    }
}
