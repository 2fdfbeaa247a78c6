import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an API key costs a request, for scripts/bench-accounts (compiled with javac, run as its own JVM): the same
 * short translation (cached by the server after the warm-up, so inference is no part of it) at the same
 * concurrency, once anonymously and once with keys that have a daily character quota (key validation and the quota
 * reservation on the response path: a transaction per request, or with leases one per block of characters; the
 * settlement follows in a batch off it), in alternating rounds so drift hits both alike. With one key
 * every request contends for the same counter rows (the worst case); with as many keys as workers, none do.
 * Prints the latency percentiles of each and the p50 difference.
 *
 * <p>Usage: {@code AccountsLoad BASE_URL ADMIN_TOKEN LABEL CONCURRENCY REQUESTS_PER_ROUND ROUNDS KEYS}
 */
public class AccountsLoad {

    private static final String BODY = "{\"text\":\"Habari ya asubuhi\",\"source_language\":\"swh_Latn\","
            + "\"target_language\":\"eng_Latn\"}";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        String label = args[2];
        int concurrency = Integer.parseInt(args[3]);
        int perRound = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        int keyCount = Integer.parseInt(args[6]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            String created = send(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/keys"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"bench\",\"characters_per_day\":1000000000}")), 201);
            Matcher secret = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(created);
            if (!secret.find()) {
                throw new IllegalStateException("no key in " + created);
            }
            keys.add(secret.group(1));
        }
        List<Long> anonymous = new ArrayList<>();
        List<Long> keyed = new ArrayList<>();
        round(client, base, List.of(), concurrency, perRound); // warm-up: JIT, pool, the translation cache
        round(client, base, keys, concurrency, perRound);
        for (int r = 0; r < rounds; r++) {
            anonymous.addAll(round(client, base, List.of(), concurrency, perRound));
            keyed.addAll(round(client, base, keys, concurrency, perRound));
        }
        double a = percentile(anonymous, 50);
        double k = percentile(keyed, 50);
        System.out.printf("%s concurrency %d, %d key(s), %d requests each: anonymous p50 %.2f ms p90 %.2f ms; with key"
                + " p50 %.2f ms p90 %.2f ms; added p50 %.2f ms%n", label, concurrency, keyCount, anonymous.size(), a,
                percentile(anonymous, 90), k, percentile(keyed, 90), k - a);
    }

    /**
     * {@code requests} translations from {@code concurrency} closed-loop workers, worker w with key w mod
     * keys.size() (anonymous without keys); latencies in nanoseconds.
     */
    private static List<Long> round(HttpClient client, String base, List<String> keys, int concurrency,
                                    int requests) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(requests);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            String key = keys.isEmpty() ? null : keys.get(w % keys.size());
            workers.add(new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/translate"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY));
                    if (key != null) {
                        request.header("Authorization", "Bearer " + key);
                    }
                    long start = System.nanoTime();
                    send(client, request, 200);
                    latencies.add(System.nanoTime() - start);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        return new ArrayList<>(latencies);
    }

    private static String send(HttpClient client, HttpRequest.Builder request, int status) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
