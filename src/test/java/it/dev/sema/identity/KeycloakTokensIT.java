package it.dev.sema.identity;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on against a real Keycloak: semaAccountsIT trusts the realm {@code sema} of the Keycloak this class
 * starts ({@code sema.jwt.issuer}; clock skew 0, keys fetched again at most once a second, 5 requests a minute per
 * token subject; role {@code admin} only from 127.0.0.0/8, while 127.0.0.1 is a trusted proxy). Tokens from Keycloak's token endpoint, by client credentials and by password, are checked by Sema
 * over HTTP: roles become scopes, every bad token is 401 {@code invalid_token} with the RFC 6750 challenge, API keys
 * keep working beside tokens, a rotated realm key is picked up without a restart, and the audit trail names the
 * token's subject.
 */
class KeycloakTokensIT {

    private static final String TRANSLATE = "/api/v1/translate";
    private static final String DETECT = "/api/v1/detect-language";
    private static final String TEXT = "{\"text\":\"Single sign-on\",\"source_language\":\"eng_Latn\","
            + "\"target_language\":\"fra_Latn\"}";
    /** Code points of TEXT's text, what a translation of it is charged. */
    private static final long TEXT_CHARACTERS = "Single sign-on".length();
    private static final String DETECTION = "{\"text\":\"Habari ya asubuhi, rafiki yangu\"}";

    private static Keycloak keycloak;
    private final Http sema = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloak = Keycloak.start(Duration.ofSeconds(300));
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private static void assertInvalidToken(Http.Reply reply, String why) {
        JsonObject error = reply.error(401, "invalid_token");
        assertEquals(why, error.getString("detail"), reply.body());
        assertEquals("Bearer error=\"invalid_token\", error_description=\"" + why + "\"",
                reply.header("WWW-Authenticate"));
        assertTrue(!reply.body().contains("Exception") && !reply.body().contains("at dev."), reply.body());
    }

    @Test
    void aServiceAccountWithTheTranslatorRoleTranslatesAndDetects() {
        String token = keycloak.clientToken("sema-translator");
        assertEquals(keycloak.issuer(), Keycloak.claims(token).getString("iss"));
        sema.post(TRANSLATE, TEXT, bearer(token)).expect(200);
        sema.post(DETECT, DETECTION, bearer(token)).expect(200);
        sema.get("/api/v1/admin/keys", bearer(token)).error(403, "insufficient_scope");
        JsonObject usage = sema.get("/api/v1/usage", bearer(token)).expect(200).json();
        assertTrue(usage.getString("key_id").startsWith("tok_"), usage.toString());
        assertTrue(usage.getJsonObject("day").getJsonNumber("character_count").longValue() >= 14, usage.toString());
    }

    /**
     * sema-metered's role translate has the plan 30 characters a day on semaAccountsIT: its subject's translations
     * are reserved and charged in its own ledger account, the one that would overshoot is refused, and the usage
     * route reports the account. (Keycloak starts afresh each run, so the subject is new; the counts are read
     * first all the same.)
     */
    @Test
    void aSubjectIsMeteredInTheLedgerUnderItsRolesPlan() {
        String token = keycloak.clientToken("sema-metered");
        JsonObject before = sema.get("/api/v1/usage", bearer(token)).expect(200).json();
        String account = before.getString("key_id");
        assertTrue(account.matches("tok_[0-9a-f]{16}"), before.toString());
        assertEquals(30, before.getJsonObject("day").getJsonNumber("character_limit").longValue());
        JsonObject month = before.getJsonObject("month");
        assertTrue(!month.containsKey("character_limit") || month.isNull("character_limit"), "no monthly limit");
        long used = before.getJsonObject("day").getJsonNumber("character_count").longValue();
        long requests = before.getJsonObject("day").getJsonNumber("requests").longValue();

        long fits = (30 - used) / TEXT_CHARACTERS;
        for (int i = 0; i < fits; i++) {
            sema.post(TRANSLATE, TEXT, bearer(token)).expect(200);
        }
        Http.Reply over = sema.post(TRANSLATE, TEXT, bearer(token));
        over.error(429, "quota_exceeded");
        assertTrue(Long.parseLong(over.header("Retry-After")) > 0, over.header("Retry-After"));

        JsonObject after = sema.get("/api/v1/usage", bearer(token)).expect(200).json();
        assertEquals(account, after.getString("key_id"));
        assertEquals(used + fits * TEXT_CHARACTERS, after.getJsonObject("day").getJsonNumber("character_count")
                .longValue(), after.toString());
        assertEquals(requests + fits, after.getJsonObject("day").getJsonNumber("requests").longValue());
        String keys = sema.get("/api/v1/admin/keys", Map.of("Authorization", "Bearer "
                + System.getProperty("admin.token"))).expect(200).body();
        assertTrue(!keys.contains(account), "the key list leaves subjects' accounts out");
    }

    @Test
    void aNarrowRoleGrantsOnlyItsScope() {
        String token = keycloak.clientToken("sema-detector");
        sema.post(DETECT, DETECTION, bearer(token)).expect(200);
        Http.Reply refused = sema.post(TRANSLATE, TEXT, bearer(token));
        refused.error(403, "insufficient_scope");
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"translate\"", refused.header("WWW-Authenticate"));
    }

    @Test
    void aUserSignsInByPasswordAndIsRateLimitedAsASubject() {
        String token = keycloak.userToken("alice", "alice-password");
        assertEquals("alice", Keycloak.claims(token).getString("preferred_username"));
        for (int i = 0; i < 5; i++) {
            sema.post(TRANSLATE, TEXT, bearer(token)).expect(200);
        }
        sema.post(TRANSLATE, TEXT, bearer(token)).error(429, "rate_limited");
        // Another subject has its own window.
        sema.post(TRANSLATE, TEXT, bearer(keycloak.clientToken("sema-translator"))).expect(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = keycloak.clientToken("other-service");
        assertTrue(!Keycloak.claims(token).toString().contains("\"sema\""), Keycloak.claims(token).toString());
        assertInvalidToken(sema.post(TRANSLATE, TEXT, bearer(token)),
                "The token is not meant for this service (audience).");
    }

    @Test
    void aTokenOfAnotherRealmIsRefused() {
        String foreign = keycloak.masterToken();
        assertNotEquals(keycloak.issuer(), Keycloak.claims(foreign).getString("iss"));
        // Signed with the other realm's key, which Sema's issuer does not publish: refused at the signature.
        assertInvalidToken(sema.get("/api/v1/admin/models", bearer(foreign)),
                "The token's signature or algorithm is not accepted.");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = keycloak.clientToken("sema-short-lived");
        JsonObject claims = Keycloak.claims(token);
        Instant expiry = Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue());
        assertTrue(expiry.isBefore(Instant.now().plusSeconds(10)), "a short-lived token: " + claims);
        sema.post(DETECT, DETECTION, bearer(token)).expect(200);
        // exp is in whole seconds; one more second so that the expiry has passed on every clock here.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry.plusSeconds(1)).toMillis()));
        assertInvalidToken(sema.post(DETECT, DETECTION, bearer(token)), "The token has expired.");
    }

    @Test
    void aTamperedOrUnsignedTokenIsRefusedAndNeverAnonymous() {
        String token = keycloak.clientToken("sema-translator");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"translator\"", "\"admin\"");
        String elevated = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String why = "The token's signature or algorithm is not accepted.";
        assertInvalidToken(sema.get("/api/v1/admin/keys", bearer(elevated)), why);
        char last = parts[2].charAt(10);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        assertInvalidToken(sema.post(TRANSLATE, TEXT, bearer(badSignature)), why);
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        assertInvalidToken(sema.post(TRANSLATE, TEXT, bearer(none)), why);
    }

    @Test
    void anAdminTokenActsOnKeysAndTheAuditTrailNamesItsSubject() {
        String token = keycloak.clientToken("sema-admin");
        String actor = "token:" + Keycloak.claims(token).getString("sub");
        String from = Instant.now().minusSeconds(1).toString();
        JsonObject created = sema.post("/api/v1/admin/keys", "{\"name\":\"made by single sign-on\"}",
                bearer(token)).expect(201).json();
        String id = created.getString("id");
        List<JsonObject> rows = sema.get("/api/v1/admin/audit?action=key.created&from=" + from, bearer(token))
                .expect(200).json().getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("target").equals(id)).toList();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(actor, rows.get(0).getString("actor"));
        // The key it made works beside tokens, on the same route.
        sema.post(TRANSLATE, TEXT, bearer(created.getString("key"))).expect(200);
    }

    @Test
    void aRoleUsedOutsideItsNetworksGrantsNothingThere() {
        String admin = keycloak.clientToken("sema-admin");
        Map<String, String> elsewhere = Map.of("Authorization", "Bearer " + admin, "X-Forwarded-For", "203.0.113.9");
        sema.get("/api/v1/admin/models", elsewhere).error(403, "ip_not_allowed");
        sema.get("/api/v1/admin/models", Map.of("Authorization", "Bearer " + admin, "X-Forwarded-For", "127.0.0.9"))
                .expect(200);
        // translator holds anywhere
        sema.post(DETECT, DETECTION, Map.of("Authorization", "Bearer " + keycloak.clientToken("sema-translator"),
                "Content-Type", "application/json", "X-Forwarded-For", "203.0.113.9")).expect(200);
    }

    @Test
    void aRotatedRealmKeyIsPickedUpWithoutARestart() throws Exception {
        String before = keycloak.clientToken("sema-admin");
        sema.get("/api/v1/admin/models", bearer(before)).expect(200);
        keycloak.rotateSigningKey();
        String after = keycloak.clientToken("sema-admin");
        assertNotEquals(Keycloak.header(before).getString("kid"), Keycloak.header(after).getString("kid"));
        // Sema fetches the keys again at most once a second (sema.jwt.keys-refresh-min-seconds=1 on this server).
        Instant deadline = Instant.now().plusSeconds(15);
        Http.Reply reply = sema.get("/api/v1/admin/models", bearer(after));
        while (reply.status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            reply = sema.get("/api/v1/admin/models", bearer(after));
        }
        assertEquals(200, reply.status(), reply.body());
        sema.get("/api/v1/admin/models", bearer(before)).expect(200);
    }
}
