package it.dev.sema.models;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin endpoints' guard. Nothing here starts a reload: ModelLifecycleIT owns the hub server's models. */
class AdminEndpointIT {

    private final HubServer hub = new HubServer();

    @Test
    void withoutAConfiguredTokenTheAdminRoutesDoNotExist() {
        Http bare = Http.bare();
        bare.get("/api/v1/admin/models", HubServer.ADMIN).error(404, "not_found");
        bare.post("/api/v1/admin/models/reload", "{}", Map.of("Content-Type", "application/json",
                "Authorization", HubServer.ADMIN.get("Authorization"))).error(404, "not_found");
    }

    @Test
    void aMissingTokenIs401WithABearerChallenge() {
        Http.Reply reply = hub.get("/api/v1/admin/models", Map.of());
        reply.error(401, "unauthorized");
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer"), reply.header("WWW-Authenticate"));
        hub.post("/api/v1/admin/models/reload", "{}", Map.of("Authorization", "Basic YWRtaW46YWRtaW4="))
                .error(401, "unauthorized");
    }

    @Test
    void aWrongTokenIs403() {
        for (String wrong : new String[]{"nope", HubServer.TOKEN + "x", HubServer.TOKEN.substring(1)}) {
            hub.get("/api/v1/admin/models", Map.of("Authorization", "Bearer " + wrong)).error(403, "forbidden");
            hub.post("/api/v1/admin/models/reload?wait=true", "{}", Map.of("Authorization", "Bearer " + wrong))
                    .error(403, "forbidden");
        }
    }

    @Test
    void theRightTokenSeesBothSlots() {
        JsonObject body = hub.get("/api/v1/admin/models", HubServer.ADMIN).expect(200).json();
        assertEquals(2, body.getJsonArray("models").size(), body.toString());
        assertEquals(0, body.getJsonObject("update_check").getInt("interval_seconds"), "the update check is off");
        assertEquals("single", body.getString("fleet"), "no Redis: the fleet is this server");
        assertEquals(1, body.getJsonArray("replicas").size(), body.toString());
        JsonObject self = body.getJsonArray("replicas").getJsonObject(0);
        assertTrue(self.getBoolean("self"));
        assertEquals(2, self.getJsonArray("models").size(), self.toString());
        assertTrue(self.containsKey("started_at") && self.containsKey("last_seen"), self.toString());
    }

    @Test
    void invalidReloadRequestsAre400AndStartNothing() {
        JsonObject model = hub.post("/api/v1/admin/models/reload", "{\"model\":\"everything\"}", HubServer.ADMIN)
                .error(400, "invalid_value");
        assertEquals("model", model.getJsonArray("errors").getJsonObject(0).getString("field"));
        hub.post("/api/v1/admin/models/reload", "{\"revision\":\"v2\",\"model\":\"language_identification\"}",
                HubServer.ADMIN).error(400, "invalid_value");
        hub.post("/api/v1/admin/models/reload", "{\"revision\":", HubServer.ADMIN).error(400, "malformed_json");
    }

    /** The reload body goes through the same body checks and JSON binding as every other resource's. */
    @Test
    void anIllShapedReloadBodyIsAJson400AndStartsNothing() {
        Map<String, String> json = HubServer.ADMIN; // HubServer sends Content-Type: application/json
        JsonObject wrongType = hub.post("/api/v1/admin/models/reload", "{\"revision\":[\"v2\"]}", json)
                .error(400, "malformed_json");
        assertEquals("revision", wrongType.getJsonArray("errors").getJsonObject(0).getString("field"));
        hub.post("/api/v1/admin/models/reload", "{\"model\":{\"name\":\"all\"}}", json).error(400, "malformed_json");
        hub.post("/api/v1/admin/models/reload", "[\"translation\"]", json).error(400, "malformed_json");
        hub.post("/api/v1/admin/models/reload", "{\"model\":\"all\"} trailing", json).error(400, "malformed_json");
        hub.post("/api/v1/admin/models/reload", "{\"model\":\"everything\"}", json).error(400, "invalid_value");
    }
}
