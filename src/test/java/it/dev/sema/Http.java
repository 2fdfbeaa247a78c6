package it.dev.sema;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain HTTP against one of the servers that {@code mvn verify} starts: {@link #main()} (port {@code http.port},
 * models configured once engines exist) or {@link #bare()} (port {@code http.port.bare}, never any model).
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    private Http(String base) {
        this.base = base;
    }

    private static Http onPort(String port) {
        return new Http("http://localhost:" + port);
    }

    /** A server at the given address ({@code http://host:port}), e.g. a cluster replica or its load balancer. */
    public static Http at(String base) {
        return new Http(base);
    }

    public static Http main() {
        return onPort(port("http.port"));
    }

    public static Http bare() {
        return onPort(port("http.port.bare"));
    }

    /** The server with one inference slot on the slow echo model (port {@code http.port.guard}). */
    public static Http guard() {
        return onPort(port("http.port.guard"));
    }

    /** Any server the build started, by the system property holding its port. */
    public static Http on(String portProperty) {
        return onPort(port(portProperty));
    }

    /**
     * The port the build reserved for one of its servers (build-helper's reserve-network-port, passed on by
     * failsafe): there is no fixed default, since two builds on one machine must not share ports.
     */
    public static String port(String property) {
        String port = System.getProperty(property);
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("system property " + property + " is unset: run the ITs through"
                    + " `mvn verify`, which reserves free ports and starts the servers on them");
        }
        return port;
    }

    /**
     * Polls {@code /health/ready} until it answers 200: the server deploys at once and loads its models in the
     * background.
     *
     * @throws AssertionError with the last readiness body when {@code timeout} passes first
     */
    public Http awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Reply ready = get("/health/ready");
                if (ready.status() == 200) {
                    return this;
                }
                last = ready.status() + " " + ready.body();
            } catch (UncheckedIOException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(base + " not ready after " + timeout.toSeconds() + " s: " + last);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    public Reply get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Reply postJson(String path, String json) {
        return post(path, json, Map.of("Content-Type", "application/json"));
    }

    public Reply post(String path, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public Reply method(String method, String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    public Reply method(String method, String path, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    /** The absolute address of a path on this server (for a browser to open). */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    private static Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            return new Reply(built.method() + " " + built.uri(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with assertions whose messages name the request. */
    public record Reply(String request, HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public Reply expect(int status) {
            assertEquals(status, status(), request + " → " + body());
            return this;
        }

        public JsonObject json() {
            String type = header("Content-Type");
            assertTrue(type != null && type.startsWith("application/json"), request + " content type " + type);
            return Json.createReader(new StringReader(body())).readObject();
        }

        public JsonArray jsonArray(String field) {
            return json().getJsonArray(field);
        }

        /** The one error shape: detail, error code, request id equal to the header, field errors. */
        public JsonObject error(int status, String code) {
            expect(status);
            JsonObject body = json();
            assertEquals(code, body.getString("error"), request + " → " + body);
            assertTrue(!body.getString("detail").isBlank(), request + " detail");
            assertEquals(header("X-Request-ID"), body.getString("request_id"), request + " request id");
            assertTrue(body.containsKey("errors"), request + " errors[]");
            assertTrue(!body().contains("Exception") && !body().contains("\tat "), request + " leaks a stack trace");
            return body;
        }
    }
}
