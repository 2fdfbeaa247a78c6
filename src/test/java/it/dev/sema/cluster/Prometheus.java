package it.dev.sema.cluster;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Prometheus (Debian's {@code prometheus} binary, not its service) scraping a {@code scripts/cluster} fleet
 * with the repository's own configuration, {@code deploy/prometheus/prometheus.yml} and its rules, as an operator
 * runs it: the only changes are one-second scrape and rule intervals (a test cannot wait 15 s per sample), a free
 * port and a storage folder of its own, emptied first. Absent binary: the test skips with a message, or fails under
 * {@code CI=true}.
 */
final class Prometheus implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Prometheus(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts Prometheus in {@code dir} on the fleet whose replicas {@code targets} lists (scripts/cluster's file). */
    static Prometheus start(Path dir, Path targets) throws Exception {
        Path binary = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "prometheus")).filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String message = "prometheus is not installed (Debian: apt-get install prometheus)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI=true, so its absence is a failure");
            }
            Assumptions.abort(message + "; skipped (with CI=true this fails)");
        }
        Path deployed = Path.of("deploy/prometheus");
        deleteRecursively(dir); // an earlier run's configuration and samples (target/ outlives a run)
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("targets"));
        String config = Files.readString(deployed.resolve("prometheus.yml"));
        String fast = config.replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 1s");
        assertEquals(2, (config.length() - config.replace("15s", "").length()) / 3, "the intervals this rewrites");
        Files.writeString(dir.resolve("prometheus.yml"), fast);
        try (Stream<Path> rules = Files.list(deployed.resolve("rules"))) {
            for (Path rule : rules.toList()) {
                Files.copy(rule, dir.resolve("rules").resolve(rule.getFileName()));
            }
        }
        Files.copy(targets, dir.resolve("targets/cluster.json"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Prometheus prometheus = new Prometheus(process, URI.create("http://127.0.0.1:" + port), log);
        prometheus.awaitReady();
        return prometheus;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("prometheus exited (" + process.exitValue() + "): " + Files.readString(log));
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail("prometheus was not ready within " + READY_TIMEOUT.toSeconds() + " s: " + Files.readString(log));
    }

    /** The query API's whole answer to an instant query now (status, data, or errorType and error). */
    JsonObject query(String promql) {
        return json(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
    }

    /** The vector {@code promql} answers now; fails on an error answer. */
    JsonArray vector(String promql) {
        JsonObject answer = query(promql);
        assertEquals("success", answer.getString("status"), promql + " → " + answer);
        return answer.getJsonObject("data").getJsonArray("result");
    }

    /** The value of the one sample {@code promql} answers now, or empty when it answers none (or NaN). */
    OptionalDouble value(String promql) {
        JsonArray result = vector(promql);
        if (result.isEmpty()) {
            return OptionalDouble.empty();
        }
        assertEquals(1, result.size(), promql + " answered several series: " + result);
        double value = Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1));
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** The rule groups Prometheus loaded, each with its rules' health (/api/v1/rules). */
    JsonArray ruleGroups() {
        JsonObject answer = json(get("/api/v1/rules"));
        assertEquals("success", answer.getString("status"), answer.toString());
        return answer.getJsonObject("data").getJsonArray("groups");
    }

    private HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
