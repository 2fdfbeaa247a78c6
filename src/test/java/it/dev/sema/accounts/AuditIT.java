package it.dev.sema.accounts;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail over HTTP, on the H2 server (semaAccountsIT, 127.0.0.1 a trusted proxy) and on PostgreSQL
 * (semaPgIT, no trusted proxy): a row for every admin action and every denied admin attempt, with the actor, the
 * request id and the client address, never a secret; read in pages with the admin:audit scope.
 */
class AuditIT {

    @ParameterizedTest
    @ValueSource(strings = {"http.port.accounts", "http.port.pg"})
    void everyAdminActionAndDeniedAttemptLeavesARow(String port) {
        Http server = Http.on(port).awaitReady(Duration.ofSeconds(120));
        boolean proxied = port.equals("http.port.accounts");
        String client = proxied ? "198.51.100.23" : "127.0.0.1";
        String from = Instant.now().minusSeconds(1).toString();
        String run = UUID.randomUUID().toString().substring(0, 8);

        JsonObject created = server.post("/api/v1/admin/keys", "{\"name\":\"audited\"}", as(Keys.ADMIN, run + "-1"))
                .expect(201).json();
        String id = created.getString("id");
        String secret = created.getString("key");
        server.method("PATCH", "/api/v1/admin/keys/" + id, "{\"scopes\":[\"translate\"],\"allowed_ips\":"
                + "[\"192.0.2.0/24\"]}", as(Keys.ADMIN, run + "-2")).expect(200);
        server.method("DELETE", "/api/v1/admin/keys/" + id, as(Keys.ADMIN, run + "-3")).expect(200);
        Keys.Key operator = Keys.create(server, "{\"name\":\"operator\",\"scopes\":[\"admin:models\"]}");
        int reload = server.post("/api/v1/admin/models/reload", "{}", as(operator.headers(), run + "-4")).status();
        assertTrue(reload == 202 || reload == 409, "the operator may reload: " + reload);

        server.get("/api/v1/admin/keys", as(Map.of(), run + "-5")).error(401, "unauthorized");
        server.get("/api/v1/admin/keys", as(Map.of("Authorization", "Bearer not-a-key"), run + "-6"))
                .error(403, "forbidden");
        server.get("/api/v1/admin/keys", as(operator.headers(), run + "-7")).error(403, "insufficient_scope");
        server.get("/api/v1/admin/audit", as(operator.headers(), run + "-8")).error(403, "insufficient_scope");

        Keys.Key auditor = Keys.create(server, "{\"name\":\"auditor\",\"scopes\":[\"admin:audit\"]}");
        String all = server.get("/api/v1/admin/audit?from=" + from, auditor.headers()).expect(200).body();
        assertFalse(all.contains(secret.substring(5)), "a secret in the audit trail: " + all);
        Map<String, JsonObject> rows = byRequest(server, auditor, from, run);

        assertRow(rows.get(run + "-1"), "admin_token", "key.created", id, client, "success");
        assertTrue(rows.get(run + "-1").getString("details").contains("name: - → audited"), rows.toString());
        assertRow(rows.get(run + "-2"), "admin_token", "key.updated", id, client, "success");
        assertEquals("scopes: default → translate; allowed_ips: - → 192.0.2.0/24",
                rows.get(run + "-2").getString("details"));
        assertRow(rows.get(run + "-3"), "admin_token", "key.revoked", id, client, "success");
        if (reload == 202) {
            assertRow(rows.get(run + "-4"), operator.id(), "models.reloaded", "translation,language_identification",
                    client, "success");
        }
        assertRow(rows.get(run + "-5"), "anonymous", "admin.denied", "GET /api/v1/admin/keys", client, "denied");
        assertEquals("unauthorized", rows.get(run + "-5").getString("details"));
        assertRow(rows.get(run + "-6"), "unknown", "admin.denied", "GET /api/v1/admin/keys", client, "denied");
        assertRow(rows.get(run + "-7"), operator.id(), "admin.denied", "GET /api/v1/admin/keys", client, "denied");
        assertEquals("insufficient_scope", rows.get(run + "-7").getString("details"));
        assertRow(rows.get(run + "-8"), operator.id(), "admin.denied", "GET /api/v1/admin/audit", client, "denied");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http.port.accounts"})
    void pagesFiltersAndNoWayToDelete(String port) {
        Http server = Http.on(port).awaitReady(Duration.ofSeconds(120));
        String from = Instant.now().toString();
        Keys.Key a = Keys.create(server, Keys.body("paged a", ""));
        Keys.Key b = Keys.create(server, Keys.body("paged b", ""));
        server.method("DELETE", "/api/v1/admin/keys/" + a.id(), Keys.ADMIN).expect(200);
        server.method("DELETE", "/api/v1/admin/keys/" + b.id(), Keys.ADMIN).expect(200);

        String query = "/api/v1/admin/audit?action=key.revoked&actor=admin_token&from=" + from + "&limit=1";
        JsonObject first = server.get(query, Keys.ADMIN).expect(200).json();
        assertEquals(a.id(), first.getJsonArray("events").getJsonObject(0).getString("target"));
        JsonObject second = server.get(query + "&after=" + first.getJsonNumber("next_after").longValue(),
                Keys.ADMIN).expect(200).json();
        assertEquals(b.id(), second.getJsonArray("events").getJsonObject(0).getString("target"));
        assertNull(second.get("next_after"), "the last page: " + second);
        assertEquals(2, server.get("/api/v1/admin/audit?action=key.revoked&from=" + from + "&to="
                + Instant.now().plusSeconds(60), Keys.ADMIN).expect(200).json().getJsonArray("events").size());
        assertEquals(List.of(), server.get("/api/v1/admin/audit?action=key.revoked&to=" + from, Keys.ADMIN)
                .expect(200).json().getJsonArray("events").stream().filter(e -> e.toString().contains(a.id()))
                .toList(), "to is excluded");

        for (String bad : List.of("limit=0", "limit=1001", "limit=x", "after=-1", "from=yesterday", "to=2026-13-01")) {
            server.get("/api/v1/admin/audit?" + bad, Keys.ADMIN).error(400, "invalid_value");
        }
        for (String method : List.of("DELETE", "PUT", "PATCH")) {
            assertEquals(405, server.method(method, "/api/v1/admin/audit", "{}", Keys.ADMIN).status(), method);
        }
    }

    private static Map<String, JsonObject> byRequest(Http server, Keys.Key auditor, String from, String run) {
        Map<String, JsonObject> rows = new HashMap<>();
        String after = "0";
        while (after != null) {
            JsonObject page = server.get("/api/v1/admin/audit?limit=50&from=" + from + "&after=" + after,
                    auditor.headers()).expect(200).json();
            page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("request_id", "").startsWith(run))
                    .forEach(e -> rows.put(e.getString("request_id"), e));
            after = page.containsKey("next_after") ? page.getJsonNumber("next_after").toString() : null;
        }
        return rows;
    }

    private static void assertRow(JsonObject row, String actor, String action, String target, String client,
                                  String outcome) {
        assertTrue(row != null, "no audit row for " + action + " by " + actor);
        assertEquals(List.of(actor, action, target, client, outcome), List.of(row.getString("actor"),
                row.getString("action"), row.getString("target"), row.getString("client_address"),
                row.getString("outcome")), row.toString());
    }

    /** The headers with this request id and, behind the trusted proxy, a forwarded client address. */
    private static Map<String, String> as(Map<String, String> headers, String requestId) {
        Map<String, String> with = new HashMap<>(headers);
        with.put("X-Request-ID", requestId);
        with.put("X-Forwarded-For", "198.51.100.23");
        with.putIfAbsent("Content-Type", "application/json");
        return with;
    }
}
