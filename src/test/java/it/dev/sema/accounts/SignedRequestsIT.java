package it.dev.sema.accounts;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed requests (RFC 9421) on semaAccountsIT, which has a sealing key (sema.signing-kek) and keeps nonces in
 * memory: a key with require_signature is served only with a fresh, unaltered signature made with its
 * signing_secret; a key without it is not affected.
 */
class SignedRequestsIT {

    private static final String DETECT_PATH = "/api/v1/detect-language";
    private static final String DETECT = "{\"text\":\"Habari ya asubuhi, rafiki yangu\"}";
    private static final byte[] BODY = DETECT.getBytes(StandardCharsets.UTF_8);

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    private Keys.Key key;
    private RequestSigner signer;

    private void signingKey() {
        JsonObject created = server.post("/api/v1/admin/keys", "{\"name\":\"payments\",\"require_signature\":true}",
                Keys.ADMIN).expect(201).json();
        assertTrue(created.getBoolean("require_signature"));
        key = new Keys.Key(created.getString("id"), created.getString("key"));
        signer = new RequestSigner(key.id(), created.getString("signing_secret"));
    }

    private Http.Reply detect(String path, byte[] body, Map<String, String> signature) {
        Map<String, String> headers = new HashMap<>(key.headers());
        headers.putAll(signature);
        return server.post(path, new String(body, StandardCharsets.UTF_8), headers);
    }

    private String uri(String path) {
        return server.uri(path).toString();
    }

    @Test
    void aValidSignaturePassesAndTheSecretIsShownOnlyOnce() throws Exception {
        signingKey();
        detect(DETECT_PATH, BODY, signer.now("POST", uri(DETECT_PATH), BODY)).expect(200);
        // a GET signs the empty body
        Map<String, String> usage = new HashMap<>(key.headers());
        usage.putAll(signer.now("GET", uri("/api/v1/usage"), new byte[0]));
        server.get("/api/v1/usage", usage).expect(200);

        JsonObject view = Keys.adminView(server, key.id());
        assertTrue(view.getBoolean("require_signature"));
        assertFalse(view.containsKey("signing_secret") && !view.isNull("signing_secret"), view.toString());
        assertFalse(server.get("/api/v1/admin/keys", Keys.ADMIN).expect(200).body().contains("sig_"));
    }

    @Test
    void aSignatureOlderOrNewerThanFiveMinutesHasExpired() throws Exception {
        signingKey();
        long now = System.currentTimeMillis() / 1000;
        detect(DETECT_PATH, BODY, signer.headers("POST", uri(DETECT_PATH), BODY, now - 400, "old"))
                .error(401, "signature_expired");
        detect(DETECT_PATH, BODY, signer.headers("POST", uri(DETECT_PATH), BODY, now + 400, "future"))
                .error(401, "signature_expired");
        detect(DETECT_PATH, BODY, signer.headers("POST", uri(DETECT_PATH), BODY, now - 60, "a minute ago"))
                .expect(200);
    }

    @Test
    void aReplayedRequestIsRefused() throws Exception {
        signingKey();
        Map<String, String> once = signer.now("POST", uri(DETECT_PATH), BODY);
        detect(DETECT_PATH, BODY, once).expect(200);
        detect(DETECT_PATH, BODY, once).error(401, "replayed_request");
    }

    @Test
    void aTamperedBodyOrPathOrAMissingSignatureIsInvalid() throws Exception {
        signingKey();
        byte[] other = DETECT.replace("rafiki", "rafikI").getBytes(StandardCharsets.UTF_8);
        detect(DETECT_PATH, other, signer.now("POST", uri(DETECT_PATH), BODY)).error(401, "invalid_signature");
        // the digest recomputed for the new body: the signature covers the digest
        Map<String, String> resigned = new HashMap<>(signer.now("POST", uri(DETECT_PATH), BODY));
        resigned.put("Content-Digest", signer.now("POST", uri(DETECT_PATH), other).get("Content-Digest"));
        detect(DETECT_PATH, other, resigned).error(401, "invalid_signature");
        // the same route under its unversioned path is another target URI
        detect("/detect-language", BODY, signer.now("POST", uri(DETECT_PATH), BODY)).error(401, "invalid_signature");
        detect(DETECT_PATH + "?x=1", BODY, signer.now("POST", uri(DETECT_PATH), BODY))
                .error(401, "invalid_signature");

        Http.Reply unsigned = detect(DETECT_PATH, BODY, Map.of());
        unsigned.error(401, "invalid_signature");
        assertTrue(unsigned.header("Accept-Signature").contains("keyid=\"" + key.id() + "\""),
                unsigned.header("Accept-Signature"));
        RequestSigner forger = new RequestSigner(key.id(), "sig_" + UUID.randomUUID());
        detect(DETECT_PATH, BODY, forger.now("POST", uri(DETECT_PATH), BODY)).error(401, "invalid_signature");
    }

    @Test
    void aKeyWithoutRequireSignatureIsUnaffectedUntilAPatchTurnsItOn() throws Exception {
        JsonObject created = server.post("/api/v1/admin/keys", "{\"name\":\"plain\"}", Keys.ADMIN).expect(201).json();
        assertFalse(created.getBoolean("require_signature"));
        key = new Keys.Key(created.getString("id"), created.getString("key"));
        signer = new RequestSigner(key.id(), created.getString("signing_secret"));
        detect(DETECT_PATH, BODY, Map.of()).expect(200);

        server.method("PATCH", "/api/v1/admin/keys/" + key.id(), "{\"require_signature\":true}", Keys.ADMIN)
                .expect(200);
        detect(DETECT_PATH, BODY, Map.of()).error(401, "invalid_signature");
        detect(DETECT_PATH, BODY, signer.now("POST", uri(DETECT_PATH), BODY)).expect(200);
        server.method("PATCH", "/api/v1/admin/keys/" + key.id(), "{\"require_signature\":false}", Keys.ADMIN)
                .expect(200);
        detect(DETECT_PATH, BODY, Map.of()).expect(200);
        server.method("PATCH", "/api/v1/admin/keys/" + key.id(), "{\"require_signature\":\"yes\"}", Keys.ADMIN)
                .error(400, "invalid_value");
    }
}
