package it.dev.sema.api;

import it.dev.sema.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document lists every /api/v1 route, documented, names this server relatively, and the UI is reachable
 * from /.
 */
class OpenApiIT {

    /** Every versioned route and its method. */
    private static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("/api/v1/translate", "post"),
            Map.entry("/api/v1/translate/batch", "post"),
            Map.entry("/api/v1/translate/stream", "post"),
            Map.entry("/api/v1/detect-language", "post"),
            Map.entry("/api/v1/languages", "get"),
            Map.entry("/api/v1/languages/popular", "get"),
            Map.entry("/api/v1/languages/african", "get"),
            Map.entry("/api/v1/languages/region/{region}", "get"),
            Map.entry("/api/v1/languages/search", "get"),
            Map.entry("/api/v1/languages/stats", "get"),
            Map.entry("/api/v1/languages/{code}", "get"),
            Map.entry("/api/v1/status", "get"),
            Map.entry("/api/v1/health", "get"),
            Map.entry("/api/v1/admin/audit", "get"),
            Map.entry("/api/v1/documents/{id}", "get"),
            Map.entry("/api/v1/documents/{id}/result", "get"),
            Map.entry("/api/v1/glossaries", "get"),
            Map.entry("/api/v1/glossaries/{id}", "get"),
            Map.entry("/api/v1/glossaries/{id}/entries", "get"),
            Map.entry("/api/v1/glossary-language-pairs", "get"));

    private final Http http = Http.main();

    @Test
    void documentsEveryVersionedRoute() {
        JsonObject doc = http.get("/openapi?format=JSON").expect(200).json();
        assertEquals("Sema Translation API", doc.getJsonObject("info").getString("title"));
        JsonObject paths = doc.getJsonObject("paths");
        ROUTES.forEach((path, method) -> {
            assertTrue(paths.containsKey(path), "OpenAPI lacks " + path + "; has " + paths.keySet());
            JsonObject op = paths.getJsonObject(path).getJsonObject(method);
            assertNotNull(op, method + " " + path);
            assertFalse(op.getString("summary", "").isBlank(), "summary of " + path);
            assertFalse(op.getString("description", "").isBlank(), "description of " + path);
            assertTrue(op.getJsonObject("responses").containsKey("200"), "200 of " + path);
            assertTrue(op.getJsonObject("responses").keySet().stream().anyMatch(c -> c.startsWith("5")),
                    "error responses of " + path);
        });
        // Besides /api/v1, only the other clients' surfaces, each under its own tag (the unversioned spellings of
        // Sema's own routes are served but not listed).
        Map<String, String> surfaces = Map.of("/v2/", "DeepL compatibility", "/v3/", "DeepL compatibility",
                "/libretranslate/", "LibreTranslate compatibility");
        paths.keySet().stream().filter(p -> !p.startsWith("/api/v1/")).forEach(p -> {
            String tag = surfaces.entrySet().stream().filter(e -> p.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("undocumented duplicate listed: " + p));
            paths.getJsonObject(p).values().forEach(op -> assertTrue(op.asJsonObject().getJsonArray("tags")
                    .getString(0).equals(tag), p + " tagged " + tag));
        });
        JsonObject translate = paths.getJsonObject("/api/v1/translate").getJsonObject("post");
        assertTrue(translate.getJsonObject("responses").keySet().containsAll(List.of("400", "413", "415", "503")));
        assertNotNull(translate.getJsonObject("requestBody"), "request body schema");
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        assertTrue(schemas.containsKey("ApiError") && schemas.containsKey("TranslateRequest"), schemas.keySet().toString());
        assertTrue(schemas.getJsonObject("TranslateRequest").getJsonObject("properties").containsKey("target_language"),
                "snake_case field names in schemas");
        assertTrue(schemas.getJsonObject("StreamSegment").getJsonObject("properties").keySet().containsAll(
                List.of("index", "text", "separator", "source_start", "source_end")), schemas.keySet().toString());
        assertTrue(schemas.containsKey("StreamStart") && schemas.containsKey("StreamDone"), schemas.keySet().toString());
        assertTrue(paths.getJsonObject("/api/v1/translate/stream").getJsonObject("post").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").containsKey("text/event-stream"), "the stream's type");
    }

    /**
     * The UI sends "Try it out" to the document's first server: a relative one resolves against the address the page
     * was loaded from, whatever host, port, scheme or proxy the browser went through (an absolute localhost:8000 sent
     * every request there). Liberty leaves a declared server as it is, proxy headers and a Referer notwithstanding.
     */
    @Test
    void theFirstServerIsTheAddressTheDocumentWasServedFrom() {
        Map<String, String> proxied = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "sema.example",
                "Referer", "https://sema.example/openapi/ui/");
        for (Map<String, String> headers : List.of(Map.<String, String>of(), proxied)) {
            JsonArray servers = http.get("/openapi?format=JSON", headers).expect(200).json().getJsonArray("servers");
            assertEquals("/", servers.getJsonObject(0).getString("url"), servers + " with " + headers);
        }
    }

    @Test
    void docsAndOpenApiJsonRedirectAsInSema() {
        Http.Reply docs = http.get("/docs");
        assertEquals(303, docs.status(), docs.request());
        assertTrue(docs.header("Location").endsWith("/openapi/ui/"), docs.header("Location"));
        Http.Reply json = http.get("/openapi.json");
        assertTrue(json.header("Location").endsWith("/openapi?format=JSON"), json.header("Location"));
        assertEquals(200, http.get("/openapi/ui/").status(), "OpenAPI UI");
    }
}
