package it.dev.sema.api;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request ids, timing and security headers, CORS, and JSON for failures the router itself produces. */
class RequestPlumbingIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final Http http = Http.main();

    @Test
    void reusesWellFormedRequestIdOnSuccessAndError() {
        Http.Reply ok = http.get("/api/v1/languages/stats", Map.of("X-Request-ID", "client-42.a_b"));
        assertEquals("client-42.a_b", ok.expect(200).header("X-Request-ID"));
        Http.Reply error = http.get("/languages/nope_Nope", Map.of("X-Request-ID", "trace-7"));
        assertEquals("trace-7", error.error(404, "unknown_language").getString("request_id"));
    }

    @Test
    void generatesRequestIdWhenMissingOrMalformed() {
        assertTrue(http.get("/status").expect(200).header("X-Request-ID").matches(UUID));
        for (String bad : new String[]{"has space", "x".repeat(129), "semi;colon"}) {
            String id = http.get("/status", Map.of("X-Request-ID", bad)).header("X-Request-ID");
            assertTrue(id.matches(UUID), bad + " → " + id);
        }
        assertNotEquals(http.get("/status").header("X-Request-ID"), http.get("/status").header("X-Request-ID"));
    }

    @Test
    void everyResponseCarriesTimingAndSecurityHeaders() {
        for (Http.Reply reply : new Http.Reply[]{http.get("/api/v1/languages/popular"), http.get("/no/such/path"),
                http.postJson("/translate", "{}")}) {
            assertTrue(reply.header("X-Response-Time").matches("\\d+\\.\\d{3}s"), reply.request());
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.request());
            assertNotNull(reply.header("X-Request-ID"), reply.request());
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() {
        JsonObject notFound = http.get("/no/such/path").error(404, "not_found");
        assertTrue(notFound.getJsonArray("errors").isEmpty());
        http.get("/api/v1/nothing-here").error(404, "not_found");
        http.method("DELETE", "/api/v1/languages", Map.of()).error(405, "method_not_allowed");
        http.method("PUT", "/status", Map.of()).error(405, "method_not_allowed");
    }

    @Test
    void corsPreflightAndActualRequest() {
        Http.Reply preflight = http.method("OPTIONS", "/api/v1/translate", Map.of("Origin", "https://app.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-request-id"));
        assertTrue(preflight.status() == 200 || preflight.status() == 204, preflight.request() + " " + preflight.status());
        assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertEquals("content-type,x-request-id", preflight.header("Access-Control-Allow-Headers"));
        assertNotNull(preflight.header("Access-Control-Max-Age"));
        assertNotNull(preflight.header("X-Request-ID"), "preflights get an id too");

        Http.Reply actual = http.get("/languages/popular", Map.of("Origin", "https://app.example"));
        assertEquals("*", actual.expect(200).header("Access-Control-Allow-Origin"));
        String exposed = actual.header("Access-Control-Expose-Headers");
        for (String header : new String[]{"X-Request-ID", "X-Response-Time", "Retry-After", "RateLimit-Limit"}) {
            assertTrue(exposed.contains(header), header + " in " + exposed);
        }
        assertNull(http.get("/languages/popular").header("Access-Control-Allow-Origin"), "no CORS without Origin");
    }
}
