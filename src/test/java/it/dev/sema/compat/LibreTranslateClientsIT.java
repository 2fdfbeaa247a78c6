package it.dev.sema.compat;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * LibreTranslate client libraries from npm, run by Node against semaAccountsIT's {@code /libretranslate} (echo model:
 * a translation is its source): {@code translate} (franciscop, engine {@code libre}: {@code api_key}, the client's
 * error on a refused key) and {@code libretranslate} (its {@code /languages} check, {@code q} arrays,
 * {@code format: html}, {@code source: auto}). The build installs them ({@link NpmClients}); without npm the class
 * is skipped, except under {@code CI=true}. The {@code libretranslate} package sends its key as {@code apiKey}, which
 * LibreTranslate (and so Sema) does not read, so it calls as an anonymous client.
 */
class LibreTranslateClientsIT {

    static final Path CLIENTS = Path.of("target", "npm-clients");
    private static final long NODE_TIMEOUT_S = 60;

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    @BeforeAll
    static void clientsInstalled() throws IOException {
        boolean installed = NpmClients.installed(CLIENTS, "translate@3.1.0")
                && NpmClients.installed(CLIENTS, "libretranslate@1.0.1") && NpmClients.onPath("node");
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("npm clients missing in " + CLIENTS + " under CI=true");
        }
        assumeTrue(installed, "npm clients not installed (no npm/node): LibreTranslateClientsIT skipped");
        try (InputStream driver = LibreTranslateClientsIT.class.getResourceAsStream("/npm-clients/drive.mjs")) {
            Files.copy(driver, CLIENTS.resolve("drive.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void translateWithEngineLibreSendsTheApiKey() throws Exception {
        Keys.Key key = Keys.create(server, Keys.body("npm translate", ""));
        JsonObject args = Json.createObjectBuilder().add("text", "Good morning, my friend")
                .add("url", server.uri("/libretranslate/translate").toString()).add("key", key.secret())
                .add("from", "en").add("to", "sw").build();
        assertEquals(Json.createValue("Good morning, my friend"), ok(node("translate", args)));
        assertEquals("Good morning, my friend".length(), Keys.charactersToday(server, key.id()),
                "counted against the api_key the client sent");

        JsonObject refused = node("translate", Json.createObjectBuilder(args).add("key", "wrong-" + System.nanoTime())
                .add("text", "Another text").build());
        assertTrue(refused.containsKey("error") && !refused.getString("error").isBlank(), refused.toString());
    }

    @Test
    void libretranslateSendsArraysHtmlAndAuto() throws Exception {
        String base = server.uri("/libretranslate").toString();
        JsonValue several = ok(node("libretranslate", Json.createObjectBuilder()
                .add("query", Json.createArrayBuilder(List.of("Bonjour tout le monde, comment allez-vous ?",
                        "Guten Morgen, wie geht es dir heute?")))
                .add("source", "auto").add("target", "sw").add("apiurl", base).build()));
        assertEquals(Json.createArrayBuilder(List.of("Bonjour tout le monde, comment allez-vous ?",
                "Guten Morgen, wie geht es dir heute?")).build(), several);

        String html = "<p>Hello <b>big</b> world</p>";
        assertEquals(Json.createValue(html), ok(node("libretranslate", Json.createObjectBuilder().add("query", html)
                .add("source", "en").add("target", "zh-Hant").add("format", "html").add("apiurl", base).build())));

        JsonObject unknown = node("libretranslate", Json.createObjectBuilder().add("query", "Hello")
                .add("source", "en").add("target", "xx").add("apiurl", base).build());
        assertEquals("This language was not found/does not exist.", unknown.getString("error"),
                "the client checks codes against /languages: " + unknown);
    }

    private static JsonValue ok(JsonObject answer) {
        assertNotNull(answer.get("ok"), answer.toString());
        return answer.get("ok");
    }

    /** Runs the driver with one client and its arguments; its one line of JSON. */
    private static JsonObject node(String client, JsonObject args) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "drive.mjs", client, args.toString()).directory(CLIENTS.toFile())
                .redirectErrorStream(true).start();
        if (!node.waitFor(NODE_TIMEOUT_S, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("node " + client + " did not finish in " + NODE_TIMEOUT_S + " s");
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, node.exitValue(), out);
        try (var reader = Json.createReader(new StringReader(out.substring(out.lastIndexOf('\n') + 1)))) {
            return reader.readObject();
        }
    }
}
