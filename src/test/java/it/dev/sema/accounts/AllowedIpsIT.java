package it.dev.sema.accounts;

import it.dev.sema.FromAddress;
import it.dev.sema.Http;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IP allow-lists of keys on semaAccountsIT, whose only trusted proxy is 127.0.0.1: a request from 127.0.0.2 is its
 * own client, whatever its X-Forwarded-For says; one from 127.0.0.1 is the address the forwarding chain names.
 */
class AllowedIpsIT {

    private static final String DETECT = "{\"text\":\"Habari ya asubuhi, rafiki yangu\"}";

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    @Test
    void aKeyAllowedOnlyFromLoopbackOneIsRefusedFromAnotherAddressEvenWithAForgedForwardedFor() throws IOException {
        Keys.Key key = Keys.create(server, "{\"name\":\"loopback one\",\"allowed_ips\":[\"127.0.0.1/32\"]}");
        server.post("/api/v1/detect-language", DETECT, key.headers()).expect(200);
        String bearer = "Authorization: Bearer " + key.secret() + "\r\n";

        assertStatus(200, "", FromAddress.post("127.0.0.1", "http.port.accounts", "/api/v1/detect-language", bearer,
                DETECT));
        assertRefused(FromAddress.post("127.0.0.2", "http.port.accounts", "/api/v1/detect-language", bearer,
                DETECT));
        // 127.0.0.2 is no trusted proxy: what it forwards is not believed
        assertRefused(FromAddress.post("127.0.0.2", "http.port.accounts", "/api/v1/detect-language", bearer
                + "X-Forwarded-For: 127.0.0.1\r\n", DETECT));
        assertRefused(FromAddress.post("127.0.0.2", "http.port.accounts", "/api/v1/detect-language", bearer
                + "Forwarded: for=127.0.0.1\r\n", DETECT));
        // through the trusted proxy, a client that wrote 127.0.0.1 into the header itself is still itself
        server.post("/api/v1/detect-language", DETECT, with(key, "X-Forwarded-For", "127.0.0.1, 203.0.113.9"))
                .error(403, "ip_not_allowed");
    }

    @Test
    void blocksAreIpv4OrIpv6CanonicalAndAPatchChangesOrClearsThem() {
        Keys.Key key = Keys.create(server, "{\"name\":\"v6\",\"allowed_ips\":[\"2001:db8::1/32\",\"10.1.2.3/8\"]}");
        assertEquals(List.of("2001:db8:0:0:0:0:0:0/32", "10.0.0.0/8"), allowed(key));
        server.post("/api/v1/detect-language", DETECT, key.headers()).error(403, "ip_not_allowed");
        server.post("/api/v1/detect-language", DETECT, with(key, "X-Forwarded-For", "2001:db8:ffff::7")).expect(200);
        server.post("/api/v1/detect-language", DETECT, with(key, "Forwarded", "for=\"[2001:db8::9]:4711\""))
                .expect(200);
        server.post("/api/v1/detect-language", DETECT, with(key, "X-Forwarded-For", "10.200.0.1")).expect(200);
        server.post("/api/v1/detect-language", DETECT, with(key, "X-Forwarded-For", "2001:db9::1"))
                .error(403, "ip_not_allowed");

        server.method("PATCH", "/api/v1/admin/keys/" + key.id(), "{\"allowed_ips\":[\"127.0.0.0/8\"]}", Keys.ADMIN)
                .expect(200);
        server.post("/api/v1/detect-language", DETECT, key.headers()).expect(200);
        server.method("PATCH", "/api/v1/admin/keys/" + key.id(), "{\"allowed_ips\":[\"192.0.2.0/24\"]}", Keys.ADMIN)
                .expect(200);
        server.post("/api/v1/detect-language", DETECT, key.headers()).error(403, "ip_not_allowed");
        server.method("PATCH", "/api/v1/admin/keys/" + key.id(), "{\"allowed_ips\":null}", Keys.ADMIN).expect(200);
        assertEquals(List.of(), allowed(key));
        server.post("/api/v1/detect-language", DETECT, key.headers()).expect(200);

        for (String bad : List.of("[\"300.1.1.1\"]", "[\"10.0.0.0/33\"]", "[\"example.org\"]", "\"10.0.0.0/8\"",
                "[1]")) {
            boolean wrongType = !bad.startsWith("[\"");
            // a create body is checked against its record's JSON types first (JsonShape): malformed_json
            server.post("/api/v1/admin/keys", "{\"name\":\"x\",\"allowed_ips\":" + bad + "}", Keys.ADMIN)
                    .error(400, wrongType ? "malformed_json" : "invalid_value");
            server.method("PATCH", "/api/v1/admin/keys/" + key.id(), "{\"allowed_ips\":" + bad + "}", Keys.ADMIN)
                    .error(400, "invalid_value");
        }
    }

    @Test
    void anAdminKeyIsBoundByItsListToo() {
        Keys.Key manager = Keys.create(server, "{\"name\":\"remote manager\",\"scopes\":[\"admin:keys\"],"
                + "\"allowed_ips\":[\"192.0.2.0/24\"]}");
        server.get("/api/v1/admin/keys", manager.headers()).error(403, "ip_not_allowed");
        server.get("/api/v1/admin/keys", with(manager, "X-Forwarded-For", "192.0.2.10")).expect(200);
    }

    private List<String> allowed(Keys.Key key) {
        return Keys.adminView(server, key.id()).getJsonArray("allowed_ips").getValuesAs(JsonString::getString);
    }

    private static Map<String, String> with(Keys.Key key, String header, String value) {
        return Map.of("Authorization", "Bearer " + key.secret(), "Content-Type", "application/json", header, value);
    }

    private static void assertRefused(String response) {
        assertStatus(403, "\"ip_not_allowed\"", response);
    }

    private static void assertStatus(int status, String bodyPart, String response) {
        assertTrue(response.startsWith("HTTP/1.1 " + status + " ") && response.contains(bodyPart), response);
    }
}
