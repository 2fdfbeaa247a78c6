import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * HTTP load for scripts/bench (which compiles it with javac and runs it with {@code java -cp}), so the client is
 * a separate JVM from the server. Each worker sends one FLORES sentence per
 * {@code POST /api/v1/translate} and waits for the answer (closed loop); per concurrency level it prints
 * latency percentiles, sentences and tokens per second and, given the server's process id, the peak resident
 * memory of the server during the level. {@code --soak N} then sends N more requests and compares the server's
 * resident memory after the first 100 of them with the end.
 *
 * <p>Usage: {@code TranslateLoad BASE_URL FLORES_FILE(.gz) REQUESTS_PER_LEVEL LABEL [--pid PID]
 * [--tokens TOKENS_PER_SENTENCE] [--soak N] [--http1.1] CONCURRENCY...}; {@code --http1.1}: one request per connection
 * at a time, as through a load balancer, instead of HTTP/2 streams over one connection (the client's default,
 * upgraded from cleartext HTTP/1.1 where the server offers it, as Liberty does).
 */
public class TranslateLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> sentences = read(Path.of(args[1]));
        int requests = Integer.parseInt(args[2]);
        String label = args[3];
        long pid = 0;
        int soak = 0;
        int tokens = 0;
        HttpClient.Version version = HttpClient.Version.HTTP_2;
        List<Integer> levels = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            switch (args[i]) {
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--soak" -> soak = Integer.parseInt(args[++i]);
                case "--tokens" -> tokens = Integer.parseInt(args[++i]);
                case "--http1.1" -> version = HttpClient.Version.HTTP_1_1;
                default -> levels.add(Integer.parseInt(args[i]));
            }
        }
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
        RssSampler rss = new RssSampler(pid);
        Map<Integer, Long> peaks = new TreeMap<>();
        for (int concurrency : levels) {
            // Warms up the JIT and the allocator arenas for this batch shape; a full round would double the run.
            run(client, base, sentences, Math.max(2, Math.min(concurrency, 4)), concurrency, null);
            rss.reset();
            long start = System.nanoTime();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            int errors = run(client, base, sentences, Math.max(requests, concurrency), concurrency, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            peaks.put(concurrency, rss.peak());
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("%-14s concurrency %3d  requests %4d  errors %3d  %7.2f sentences/s  %8.1f tokens/s  "
                            + "p50 %7.0f ms  p95 %7.0f ms  p99 %7.0f ms%s%n", label, concurrency, sorted.size(), errors,
                    sorted.size() / seconds, tokens * sorted.size() / seconds, ms(sorted, 0.50), ms(sorted, 0.95),
                    ms(sorted, 0.99), pid > 0 ? String.format("  peak RSS %6d MiB", peaks.get(concurrency) >> 20) : "");
        }
        rss.close();
        if (peaks.containsKey(1) && peaks.containsKey(16) && pid > 0) {
            System.out.printf("%-14s memory per in-flight sentence: (peak RSS at 16 - at 1) / 15 = %.1f MiB%n", label,
                    (peaks.get(16) - peaks.get(1)) / 15.0 / (1 << 20));
        }
        if (soak > 0) {
            int concurrency = levels.isEmpty() ? 16 : levels.get(levels.size() - 1);
            int errors = run(client, base, sentences, 100, concurrency, null);
            long after100 = RssSampler.rss(pid);
            errors += run(client, base, sentences, soak - 100, concurrency, null);
            long afterAll = RssSampler.rss(pid);
            System.out.printf("%-14s soak at concurrency %d: RSS after 100 requests %d MiB, after %d requests %d MiB "
                            + "(%+.1f %%), errors %d%n", label, concurrency, after100 >> 20, soak, afterAll >> 20,
                    100.0 * (afterAll - after100) / after100, errors);
        }
    }

    /** Samples a process's resident set every 10 ms and keeps the highest value since the last reset. */
    private static final class RssSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        RssSampler(long pid) {
            thread = new Thread(() -> {
                while (pid > 0 && !Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rss(pid), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void reset() {
            peak.set(0);
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            thread.interrupt();
        }

        /** VmRSS of the process in bytes, from /proc (Linux). */
        static long rss(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) << 10;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the memory of process " + pid, e);
            }
            throw new IllegalStateException("no VmRSS for process " + pid);
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
