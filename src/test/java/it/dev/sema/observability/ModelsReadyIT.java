package it.dev.sema.observability;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health and status on semaIT once its models (echo NLLB, lid.176) have loaded in the background. */
class ModelsReadyIT {

    private static final Http HTTP = Http.main();

    @BeforeAll
    static void modelsLoaded() {
        HTTP.awaitReady(Duration.ofSeconds(120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void statusShowsBothModelsReadyWithTheirOrigin(String prefix) {
        JsonObject body = HTTP.get(prefix + "/status").expect(200).json();
        assertEquals("healthy", body.getString("status"));
        assertTrue(body.getBoolean("models_loaded"));
        Map<String, JsonObject> models = body.getJsonArray("models").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(m -> m.getString("name"), m -> m));
        assertEquals(2, models.size(), body.toString());

        JsonObject translation = models.get("translation");
        assertEquals("READY", translation.getString("state"));
        JsonObject info = translation.getJsonObject("info");
        assertEquals("local", info.getString("source"));
        assertEquals("fp32", info.getString("variant"));
        assertTrue(info.getString("path").endsWith("nllb-echo"), info.toString());
        assertTrue(info.getBoolean("merged_decoder"));
        assertTrue(info.getJsonNumber("load_time_seconds").doubleValue() >= 0);
        assertTrue(translation.getString("loaded_at").matches("\\d{4}-.*"), translation.toString());

        JsonObject lid = models.get("language_identification");
        assertEquals("READY", lid.getString("state"));
        assertEquals(176, lid.getJsonObject("info").getInt("labels"));
        assertTrue(lid.getJsonObject("info").getString("path").endsWith("lid.176.ftz"));
    }

    @Test
    void healthIsUpEverywhere() {
        assertEquals("UP", HTTP.get("/health").expect(200).json().getString("status"));
        assertEquals("UP", HTTP.get("/health/started").expect(200).json().getString("status"));
        JsonObject health = HTTP.get("/api/v1/health").expect(200).json();
        assertEquals("healthy", health.getString("status"));
        assertTrue(health.getBoolean("models_loaded"));
    }
}
