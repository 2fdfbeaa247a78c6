import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * HTTP load for scripts/bench, run as a single-file program ({@code java scripts/TranslateLoad.java ...}) so
 * the client is a separate JVM from the server. Each worker sends one FLORES sentence per
 * {@code POST /api/v1/translate} and waits for the answer (closed loop); per concurrency level it prints
 * latency percentiles and sentences per second.
 *
 * <p>Usage: {@code TranslateLoad BASE_URL FLORES_FILE(.gz) REQUESTS_PER_LEVEL LABEL CONCURRENCY...}
 */
public class TranslateLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> sentences = read(Path.of(args[1]));
        int requests = Integer.parseInt(args[2]);
        String label = args[3];
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 4; i < args.length; i++) {
            int concurrency = Integer.parseInt(args[i]);
            run(client, base, sentences, concurrency, concurrency, null);  // warm-up, not counted
            long start = System.nanoTime();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            int errors = run(client, base, sentences, Math.max(requests, concurrency), concurrency, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("%-14s concurrency %3d  requests %4d  errors %3d  %7.2f sentences/s  "
                            + "p50 %7.0f ms  p95 %7.0f ms  p99 %7.0f ms%n", label, concurrency, sorted.size(), errors,
                    sorted.size() / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
        }
    }

    /** Sends {@code total} requests from {@code concurrency} threads; returns the number that failed. */
    private static int run(HttpClient client, String base, List<String> sentences, int total, int concurrency,
                           ConcurrentLinkedQueue<Long> latencies) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < total; ) {
                    String body = "{\"text\":" + quote(sentences.get(i % sentences.size()))
                            + ",\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/translate"))
                            .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            System.err.println(response.statusCode() + " " + response.body());
                            continue;
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                        System.err.println(e);
                        continue;
                    }
                    if (latencies != null) {
                        latencies.add(System.nanoTime() - start);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return errors.get();
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static List<String> read(Path file) throws IOException {
        var in = Files.newInputStream(file);
        var stream = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
