package it.dev.sema.ui;

import it.dev.sema.Http;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's files over HTTP: types, security and caching headers, every reference resolves, docs redirects. */
class WebPageIT {

    /** src/href attributes of the page, and module imports of its scripts: relative paths only. */
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#?]+)\"|from '\\./([^']+)'");

    private final Http http = Http.main();

    @Test
    void thePageHasItsContentSecurityPolicyAndTheServersLimits() {
        Http.Reply page = http.get("/", Map.of("Accept", "text/html")).expect(200);
        assertEquals("text/html;charset=utf-8", page.header("Content-Type").replace(" ", "").toLowerCase());
        assertEquals("default-src 'self'", page.header("Content-Security-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertTrue(page.body().contains("data-max-characters=\"5000\" data-max-beam-size=\"8\""), "limits filled in");
        assertTrue(!page.body().contains("{{"), "no placeholder left");
    }

    @Test
    void everyFileThePageAndItsModulesReferToIsServedWithItsType() {
        Set<String> seen = new LinkedHashSet<>();
        follow("", http.get("/").expect(200).body(), seen);
        assertTrue(seen.containsAll(Set.of("ui/main.js", "ui/app.css", "ui/picker.js", "ui/icon.svg")), seen.toString());
    }

    private void follow(String base, String body, Set<String> seen) {
        Matcher m = REFERENCE.matcher(body);
        while (m.find()) {
            String path = m.group(1) != null ? m.group(1) : base + m.group(2);
            if (!path.startsWith("ui/") || !seen.add(path)) {
                continue;
            }
            Http.Reply file = http.get("/" + path).expect(200);
            String type = file.header("Content-Type");
            String expected = path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css"
                    : "image/svg+xml";
            assertTrue(type.startsWith(expected), path + " served as " + type);
            assertTrue(file.header("ETag") != null, path + " ETag");
            if (path.endsWith(".js")) {
                follow("ui/", file.body(), seen);
            }
        }
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        Http.Reply first = http.get("/ui/main.js").expect(200);
        assertEquals("no-cache", first.header("Cache-Control"));
        Http.Reply again = http.get("/ui/main.js", Map.of("If-None-Match", first.header("ETag"))).expect(304);
        assertEquals("", again.body());
        http.get("/ui/main.js", Map.of("If-None-Match", "\"other\"")).expect(200);
    }

    @Test
    void onlyThePagesOwnFilesAreServed() {
        http.get("/ui/missing.js").error(404, "not_found");
        http.get("/ui/..%2FMETA-INF%2Fopenapi.yaml").expect(404);
        http.get("/index.html").error(404, "not_found");
    }

    @Test
    void theOpenApiUiKeepsWorkingWithoutThePagesPolicy() {
        Http.Reply ui = http.get("/openapi/ui/").expect(200);
        assertNotEquals("default-src 'self'", ui.header("Content-Security-Policy"),
                "the OpenAPI UI keeps its own policy, which allows its inline scripts");
    }
}
