package it.dev.sema.observability;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health on the server without models: not ready, but alive and started; Sema's shapes kept. */
class HealthIT {

    private final Http bare = Http.bare();

    @Test
    void notReadyWithoutModels() {
        Http.Reply ready = bare.get("/health/ready").expect(503);
        JsonObject check = ready.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> "models".equals(c.getString("name"))).findFirst().orElseThrow();
        assertEquals("DOWN", check.getString("status"));
        assertFalse(check.getJsonObject("data").isEmpty(), "readiness says why: " + check);
        assertEquals("DOWN", bare.get("/health").expect(503).json().getString("status"));
    }

    @Test
    void aliveAndStarted() {
        assertEquals("UP", bare.get("/health/live").expect(200).json().getString("status"));
        assertEquals("UP", bare.get("/health/started").expect(200).json().getString("status"));
    }

    @Test
    void semaHealthIs503Unhealthy() {
        JsonObject body = bare.get("/api/v1/health").expect(503).json();
        assertEquals("unhealthy", body.getString("status"));
        assertFalse(body.getBoolean("models_loaded"));
        assertTrue(body.getJsonNumber("uptime").doubleValue() > 0);
        assertTrue(body.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)"), body.toString());
        assertFalse(body.getString("version").isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void statusIs200Degraded(String prefix) {
        JsonObject body = bare.get(prefix + "/status").expect(200).json();
        assertEquals("degraded", body.getString("status"));
        assertFalse(body.getBoolean("models_loaded"));
        assertFalse(body.getJsonArray("models").isEmpty());
    }

    @Test
    void metricsArePrometheusText() {
        Http.Reply metrics = bare.get("/metrics").expect(200);
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
        assertTrue(metrics.body().contains("# TYPE"), "exposition format");
    }
}
