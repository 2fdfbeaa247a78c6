package it.dev.sema.cluster;

import it.dev.sema.Http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Clients that keep sending replayable requests (translate, batch and detect, under both spellings of their
 * routes) to one address, each at a steady pace (or as soon as its previous answer came, when that is later), and
 * count what a client sees: 200s, with the time each took as the client saw it and as the server reported it
 * ({@code X-Response-Time}), and failures (any other status, or no answer at all). The pace leaves the machine's
 * cores to the replicas that restart meanwhile.
 */
final class ClientLoad implements AutoCloseable {

    private static final List<String> ROUTES = List.of("/api/v1/translate", "/translate/batch",
            "/api/v1/detect-language", "/translate");

    private final Http target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong served = new AtomicLong();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    private final long intervalNanos;

    private ClientLoad(Http target, int perSecond) {
        this.target = target;
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    /** Starts {@code clients} clients against {@code target}, each sending up to {@code perSecond} requests a second. */
    static ClientLoad start(Http target, int clients, int perSecond) {
        ClientLoad load = new ClientLoad(target, perSecond);
        for (int c = 0; c < clients; c++) {
            int number = c;
            Thread thread = new Thread(() -> load.run(number), "client " + c);
            load.clients.add(thread);
            thread.start();
        }
        return load;
    }

    long served() {
        return served.get();
    }

    /** What clients saw instead of a 200, with the time and route: empty is the goal. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The 200s so far, each with its route and durations. */
    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /**
     * One 200: {@code route} as sent, seconds from sending to the whole answer on the client, and the server's own
     * time for it ({@code X-Response-Time}, the request filters' clock).
     */
    record Answer(String route, double clientSeconds, double serverSeconds) {
    }

    /** Waits until {@code more} requests beyond those served so far are served. */
    void awaitServed(long more, Duration timeout) throws InterruptedException {
        long goal = served.get() + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (served.get() < goal) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("clients were served " + served.get() + " requests, not " + goal + ", within "
                        + timeout.toSeconds() + " s; failures: " + failures);
            }
            Thread.sleep(50);
        }
    }

    /** Stops sending and waits for the answers still awaited. */
    @Override
    public void close() throws InterruptedException {
        stopped.set(true);
        for (Thread thread : clients) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
    }

    private void run(int number) {
        long next = System.nanoTime();
        for (int i = 0; !stopped.get(); i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next = Math.max(next + intervalNanos, System.nanoTime());
            String route = ROUTES.get(i % ROUTES.size());
            String text = "client " + number + " request " + i;
            HttpRequest request = HttpRequest.newBuilder(target.uri(route)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(route, text))).build();
            try {
                long sent = System.nanoTime();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    String serverTime = response.headers().firstValue("X-Response-Time").orElse("NaNs");
                    answers.add(new Answer(route, (System.nanoTime() - sent) / 1e9,
                            Double.parseDouble(serverTime.substring(0, serverTime.length() - 1))));
                    served.incrementAndGet();
                } else {
                    failures.add(System.currentTimeMillis() + " " + route + " → " + response.statusCode() + " "
                            + response.body());
                }
            } catch (IOException e) {
                failures.add(System.currentTimeMillis() + " " + route + " → " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String body(String route, String text) {
        if (route.endsWith("/batch")) {
            return "{\"texts\":[\"" + text + " a\",\"" + text + " b\"],\"source_language\":\"eng_Latn\","
                    + "\"target_language\":\"fra_Latn\"}";
        }
        if (route.endsWith("/detect-language")) {
            return "{\"text\":\"Habari ya asubuhi, rafiki yangu\"}";
        }
        return "{\"text\":\"" + text + "\",\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\"}";
    }
}
