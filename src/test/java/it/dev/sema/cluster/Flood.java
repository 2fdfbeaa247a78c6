package it.dev.sema.cluster;

import it.dev.sema.Http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pieces of a flood against one port (the balancer's or a replica's), from loopback addresses of their own (all of
 * 127.0.0.0/8 is loopback, so each is a client address of its own to HAProxy and to Sema): raw-socket requests,
 * slow-header connections that never finish their headers, a burst that keeps sending, and a well-behaved client's
 * translations with their latencies.
 */
final class Flood {

    static final String TRANSLATE = "/api/v1/translate";
    static final String TRANSLATION = "{\"text\":\"Good morning, my friend\",\"source_language\":\"eng_Latn\","
            + "\"target_language\":\"fra_Latn\"}";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(30);
    static final int BURST = 600;
    private static final long PACE_MS = 100;
    private static final int MAX_TRANSLATIONS = 50;

    private Flood() {
    }

    /** A connection from {@code from} (a loopback address) to {@code port} on 127.0.0.1. */
    static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One POST of a JSON body on a connection of its own; the whole reply, or "" when the connection was reset. */
    static String post(String from, int port, String path, String json) throws IOException {
        try (Socket socket = connect(from, port)) {
            socket.setSoTimeout((int) ANSWER_DEADLINE.toMillis());
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: edge\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            return readAll(socket.getInputStream());
        }
    }

    /** Everything until the peer closes; "" for a reset. Fails when nothing ends within the socket's timeout. */
    static String readAll(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer and no close within the socket's timeout", e);
        } catch (IOException reset) {
            return "";
        }
    }

    /**
     * {@code perAddress} connections from each of {@code addresses} that send the start of a request's headers and
     * then nothing: each is held by the server until its header (read) timeout.
     */
    static List<SlowConnection> slowHeaders(int port, List<String> addresses, int perAddress) throws IOException {
        List<SlowConnection> slow = new ArrayList<>();
        try {
            for (String from : addresses) {
                for (int i = 0; i < perAddress; i++) {
                    Socket socket = connect(from, port);
                    slow.add(new SlowConnection(socket, Instant.now()));
                    socket.getOutputStream().write(("POST " + TRANSLATE + " HTTP/1.1\r\nHost: edge\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
            return slow;
        } catch (IOException e) {
            closeAll(slow);
            throw e;
        }
    }

    /**
     * Waits for the server to close every slow connection (an empty read, a reset, or a 408/400 answer before the
     * close), each within {@code timeout} plus a generous deadline; the first one no earlier than {@code timeout}
     * (less a second) after it was opened, so it was the timeout that closed it. Closes them all in any case.
     */
    static void assertClosedByTimeout(List<SlowConnection> slow, Duration timeout) throws IOException {
        try {
            Instant deadline = Instant.now().plus(timeout).plus(ANSWER_DEADLINE);
            boolean first = true;
            for (SlowConnection connection : slow) {
                long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                connection.socket().setSoTimeout((int) left);
                String answer = readAll(connection.socket().getInputStream());
                Duration held = Duration.between(connection.opened(), Instant.now());
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408") || answer.startsWith("HTTP/1.1 400"),
                        "a slow connection gets no answer but a timeout: " + answer);
                if (first) {
                    assertTrue(held.compareTo(timeout.minusSeconds(1)) >= 0, "held until the timeout: " + held);
                    first = false;
                }
            }
        } finally {
            closeAll(slow);
        }
    }

    /** How many of {@code slow} the server still holds open now. */
    static long stillOpen(List<SlowConnection> slow) throws IOException {
        long open = 0;
        for (SlowConnection connection : slow) {
            connection.socket().setSoTimeout(1);
            try {
                connection.socket().getInputStream().read();
            } catch (SocketTimeoutException nothingYet) {
                open++;
            } catch (IOException reset) {
                // closed
            }
        }
        return open;
    }

    private static void closeAll(List<SlowConnection> slow) throws IOException {
        for (SlowConnection connection : slow) {
            connection.socket().close();
        }
    }

    /**
     * Translations by {@code client}, one after another, one every {@value #PACE_MS} ms at most: {@code n}, and more
     * while {@code more} says so, up to {@value #MAX_TRANSLATIONS}. Their statuses and latencies.
     */
    static Translations translate(Http client, int n, BooleanSupplier more) throws InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        while ((statuses.size() < n || more.getAsBoolean()) && statuses.size() < MAX_TRANSLATIONS) {
            long start = System.nanoTime();
            statuses.add(client.post(TRANSLATE, TRANSLATION, JSON).status());
            long took = System.nanoTime() - start;
            nanos.add(took);
            Thread.sleep(Math.max(0, PACE_MS - TimeUnit.NANOSECONDS.toMillis(took)));
        }
        return new Translations(statuses, nanos);
    }

    /**
     * The flood scenario against {@code port}: {@code normal} (127.0.0.1, a well-behaved client: one translation
     * every 100 ms at most, so at most 10 a second) translates 30 times on a quiet server (after 10 to warm up), then
     * again while 15 addresses (127.0.0.10 to .24) hold 20 slow-header connections each and 127.0.0.4 sends a burst
     * of {@value #BURST} translations, until the burst is done (at least 30 times, at most 50); every slow connection
     * must then be closed by the server's {@code timeout}.
     */
    static Outcome run(Http normal, int port, Duration timeout) throws Exception {
        translate(normal, 10, () -> false);
        Translations quiet = translate(normal, 30, () -> false);
        List<String> addresses = IntStream.rangeClosed(10, 24).mapToObj(i -> "127.0.0." + i).toList();
        List<SlowConnection> slow = slowHeaders(port, addresses, 20);
        Burst burst = Burst.start("127.0.0.4", port, 4, BURST);
        Translations flood;
        long open;
        List<String> replies;
        try {
            flood = translate(normal, 30, () -> !burst.done());
            open = stillOpen(slow);
        } finally {
            replies = burst.stop();
            assertClosedByTimeout(slow, timeout);
        }
        return new Outcome(quiet, flood, replies, slow.size(), open);
    }

    /** What {@link #run} saw: the normal client quiet and under the flood, the burst's replies, the slow ones. */
    record Outcome(Translations quiet, Translations flood, List<String> burst, int slow, long slowOpenAfterFlood) {

        /** 100 % 200s in both runs, and the p50 under the flood within twice the quiet one. */
        void assertNormalClientUnharmed() {
            quiet.assertAllServed();
            flood.assertAllServed();
            assertTrue(flood.p50().compareTo(quiet.p50().multipliedBy(2)) <= 0, "p50 " + this);
        }

        /** How many of the burst's replies start with {@code statusLine} and contain {@code text}. */
        long burstReplies(String statusLine, String text) {
            return burst.stream().filter(r -> r.startsWith(statusLine) && r.contains(text)).count();
        }

        @Override
        public String toString() {
            return "quiet p50 " + quiet.p50().toMillis() + " ms, flood p50 " + flood.p50().toMillis() + " ms ("
                    + burst.size() + " burst requests: " + burstReplies("HTTP/1.1 200", "") + " answered 200, "
                    + burstReplies("HTTP/1.1 429", "") + " 429; " + slow + " slow connections, " + slowOpenAfterFlood
                    + " of them still held when the normal client was done)";
        }
    }

    /** A connection opened at {@code opened} that never finishes its headers. */
    record SlowConnection(Socket socket, Instant opened) {
    }

    /** A client's statuses and latencies (ns), in order. */
    record Translations(List<Integer> statuses, List<Long> nanos) {

        Duration p50() {
            List<Long> sorted = nanos.stream().sorted().toList();
            return Duration.ofNanos(sorted.get((sorted.size() - 1) / 2));
        }

        void assertAllServed() {
            assertEquals(List.of(200), statuses.stream().distinct().toList(), "every request answered 200: "
                    + statuses);
        }
    }

    /**
     * {@code total} translations from one address by {@code threads} threads, each sending its next at once (fewer
     * when stopped).
     */
    static final class Burst {

        private final ExecutorService threads;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> replies = new ConcurrentLinkedQueue<>();
        private final List<Future<?>> senders = new ArrayList<>();
        private final AtomicInteger left = new AtomicInteger();

        private Burst(int threads) {
            this.threads = Executors.newFixedThreadPool(threads);
        }

        static Burst start(String from, int port, int threads, int total) {
            Burst burst = new Burst(threads);
            burst.left.set(total);
            for (int i = 0; i < threads; i++) {
                burst.senders.add(burst.threads.submit(() -> {
                    while (burst.running.get() && burst.left.getAndDecrement() > 0) {
                        burst.replies.add(post(from, port, TRANSLATE, TRANSLATION));
                        Thread.sleep(10); // hundreds a second still: the test's own CPU is the replica's too
                    }
                    return null;
                }));
            }
            return burst;
        }

        boolean done() {
            return senders.stream().allMatch(Future::isDone);
        }

        /** Stops sending; every reply, once the requests in flight are answered. */
        List<String> stop() throws Exception {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS), "the burst's last requests were answered");
            for (Future<?> sender : senders) {
                sender.get(); // a sender's failure fails the test
            }
            return List.copyOf(replies);
        }
    }
}
