package it.dev.sema.models;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code semaHubIT} server (models from the fake Hub process, admin token set) and that fake Hub's control
 * port, as {@code mvn verify} starts them.
 */
final class HubServer {

    static final String TOKEN = System.getProperty("admin.token", "it-admin-token");
    static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer " + TOKEN);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base = "http://localhost:" + Http.port("http.port.hub");

    Http.Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    Http.Reply post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request);
    }

    Http.Reply translate(String text) {
        return post("/api/v1/translate", Json.createObjectBuilder().add("text", text)
                .add("source_language", "eng_Latn").add("target_language", "fra_Latn").build().toString(), Map.of());
    }

    /** The status slot named {@code name} from {@code /api/v1/status}. */
    JsonObject statusOf(String name) {
        return get("/api/v1/status", Map.of()).expect(200).json().getJsonArray("models").stream()
                .map(v -> v.asJsonObject()).filter(m -> name.equals(m.getString("name"))).findFirst().orElseThrow();
    }

    /** The admin view of slot {@code name}. */
    JsonObject adminOf(String name) {
        return get("/api/v1/admin/models", ADMIN).expect(200).json().getJsonArray("models").stream()
                .map(v -> v.asJsonObject()).filter(m -> name.equals(m.getString("name"))).findFirst().orElseThrow();
    }

    /** Sets the fake Hub's blob bandwidth (0: unlimited). */
    static void throttleFakeHub(long bytesPerSecond) {
        String control = "http://127.0.0.1:" + Http.port("fakehub.control.port");
        send(HttpRequest.newBuilder(URI.create(control + "/throttle?bytes_per_second=" + bytesPerSecond))
                .POST(HttpRequest.BodyPublishers.noBody())).expect(200);
    }

    private static Http.Reply send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            return new Http.Reply(built.method() + " " + built.uri(),
                    CLIENT.send(built, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
