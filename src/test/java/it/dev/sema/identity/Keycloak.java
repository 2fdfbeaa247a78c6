package it.dev.sema.identity;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (the Maven Central distribution the build unpacks, {@code keycloak.home}) in dev mode on the port the
 * build reserved ({@code keycloak.port}), with the realm {@code sema} imported from the test resources into a fresh
 * database: started once per IT class, stopped at its end. Tokens come from its token endpoint.
 */
final class Keycloak implements AutoCloseable {

    static final String ADMIN = "kc-admin";
    private static final String ADMIN_PASSWORD = "kc-admin-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;
    private final Path log;

    private Keycloak(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static Keycloak start(Duration deadline) throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home"));
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(data.resolve("import"));
        try (var realm = Keycloak.class.getResourceAsStream("/keycloak/sema-realm.json")) {
            Files.copy(realm, data.resolve("import/sema-realm.json"));
        }
        String port = System.getProperty("keycloak.port");
        Path log = home.resolve("keycloak-it.log");
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + System.getProperty("keycloak.management.port"), "--import-realm")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD, "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"));
        Keycloak keycloak = new Keycloak(builder.start(), "http://127.0.0.1:" + port, log);
        keycloak.awaitRealm(deadline);
        return keycloak;
    }

    /** The issuer Sema is configured with (semaAccountsIT's {@code sema.jwt.issuer}). */
    String issuer() {
        return base + "/realms/sema";
    }

    private void awaitRealm(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Keycloak exited with " + process.exitValue() + ": " + logTail());
            }
            try {
                if (get(issuer() + "/.well-known/openid-configuration").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new AssertionError("Keycloak not ready after " + timeout.toSeconds() + " s: " + logTail());
    }

    /** An access token of a confidential client's service account (client credentials grant). */
    String clientToken(String clientId) {
        return token("sema", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    /** A user's access token through the public CLI client (resource owner password grant). */
    String userToken(String username, String password) {
        return token("sema", Map.of("grant_type", "password", "client_id", "sema-cli", "username", username,
                "password", password));
    }

    /**
     * Adds a newly generated RSA signing key above the realm's current one: from now on Keycloak signs with it, and
     * publishes both keys.
     */
    void rotateSigningKey() {
        String admin = masterToken();
        String component = "{\"name\":\"rotated-" + System.nanoTime() + "\",\"providerId\":\"rsa-generated\","
                + "\"providerType\":\"org.keycloak.keys.KeyProvider\",\"parentId\":\"sema\","
                + "\"config\":{\"priority\":[\"" + (1000 + System.currentTimeMillis() % 100_000) + "\"],"
                + "\"algorithm\":[\"RS256\"],\"active\":[\"true\"],\"enabled\":[\"true\"]}}";
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/sema/components"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component)));
        if (reply.statusCode() != 201) {
            throw new AssertionError("key rotation: " + reply.statusCode() + " " + reply.body());
        }
    }

    /** Keycloak's own administrator's token: the realm {@code master}, another issuer with other keys. */
    String masterToken() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN,
                "password", ADMIN_PASSWORD));
    }

    private String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(base + "/realms/" + realm
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (reply.statusCode() != 200) {
            throw new AssertionError("token " + form.get("grant_type") + ": " + reply.statusCode() + " " + reply.body());
        }
        return Json.createReader(new StringReader(reply.body())).readObject().getString("access_token");
    }

    /** The decoded payload of a token (no check: that is Sema's job). */
    static JsonObject claims(String token) {
        return part(token, 1);
    }

    static JsonObject header(String token) {
        return part(token, 0);
    }

    private static JsonObject part(String token, int index) {
        String json = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[index]),
                StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
