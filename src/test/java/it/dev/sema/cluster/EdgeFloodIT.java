package it.dev.sema.cluster;

import it.dev.sema.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge of deploy/haproxy/sema.cfg (one replica behind it, the replica's own rate limits off): a flood from one
 * address (127.0.0.2; all of 127.0.0.0/8 is loopback) is turned away by HAProxy with 429 while a client at another
 * address keeps getting 200s; slow-header connections beyond the per-address cap are closed at once, and the others
 * when {@code timeout http-request} (10 s) runs out. Limits lowered for the test: 200 requests per 10 s (the
 * well-behaved client at 127.0.0.1 sends at most 10 a second), 20 open connections per address.
 */
class EdgeFloodIT {

    private static final String DETECT = "/api/v1/detect-language";
    private static final String TEXT = "{\"text\":\"Habari ya asubuhi, rafiki yangu\"}";

    @RegisterExtension
    static final Cluster CLUSTER = Cluster.of(1).with("SEMA_LB_MAX_REQUEST_RATE", "200")
            .with("SEMA_LB_MAX_CONNECTIONS_PER_CLIENT", "20");

    /**
     * Slow-header connections by the hundred (20 from each of 15 addresses, each address at its cap) and a burst of
     * translations from 127.0.0.4, while 127.0.0.1 keeps translating: it gets only 200s, at a p50 within twice its
     * own quiet p50 just before; the burst gets the edge's 429s; {@code timeout http-request} closes the slow ones.
     */
    @Test
    void aClientKeepsTranslatingThroughSlowHeadersAndABurst() throws Exception {
        Flood.Outcome outcome = Flood.run(CLUSTER.balancer(), port(), Duration.ofSeconds(10));
        System.out.println("EdgeFloodIT through HAProxy: " + outcome);
        outcome.assertNormalClientUnharmed();
        assertTrue(outcome.burstReplies("HTTP/1.1 429", "at the edge") > 0, "the edge refused the burst: " + outcome);
        assertEquals(outcome.burst().size(), outcome.burstReplies("HTTP/1.1 200", "")
                + outcome.burstReplies("HTTP/1.1 429", "at the edge"), "the burst got 200s and the edge's 429s only");
    }

    @Test
    void aRequestFloodGets429FromTheEdgeWhileAnotherClientIsServed() throws Exception {
        ExecutorService flood = Executors.newFixedThreadPool(8);
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            sent.add(flood.submit(() -> post("127.0.0.2")));
        }
        List<Integer> normal = new ArrayList<>();
        while (sent.stream().anyMatch(f -> !f.isDone()) || normal.size() < 10) {
            normal.add(CLUSTER.balancer().post(DETECT, TEXT, java.util.Map.of("Content-Type", "application/json"))
                    .status());
            Thread.sleep(250); // well-behaved: about 4 a second, well under 200 per 10 s
        }
        flood.shutdown();
        assertTrue(flood.awaitTermination(60, TimeUnit.SECONDS));
        int passed = 0;
        int refused = 0;
        for (Future<String> f : sent) {
            String reply = f.get();
            if (reply.startsWith("HTTP/1.1 200")) {
                passed++;
            } else if (reply.startsWith("HTTP/1.1 429") && reply.contains("\"rate_limited\"")
                    && reply.contains("at the edge") && reply.toLowerCase().contains("retry-after: 10")) {
                refused++;
            }
        }
        assertEquals(400, passed + refused, "every flood request answered 200 or the edge's 429");
        assertTrue(refused >= 100, "the edge turned the rest of the flood away: " + refused + " refused, " + passed
                + " passed");
        assertTrue(passed >= 200, "the first 200 in 10 s pass: " + passed);
        assertEquals(List.of(200), normal.stream().distinct().toList(), "the other client: " + normal);
    }

    @Test
    void slowHeaderConnectionsAreCappedAndTimedOut() throws Exception {
        Instant start = Instant.now();
        List<Socket> slow = new ArrayList<>();
        try {
            int refusedAtConnect = 0;
            for (int i = 0; i < 30; i++) {
                Socket socket;
                try {
                    socket = connect("127.0.0.3");
                } catch (IOException reset) {
                    refusedAtConnect++; // over the cap, closed while the handshake completed
                    continue;
                }
                slow.add(socket);
                Thread.sleep(20);
                try {
                    socket.getOutputStream().write(("POST " + DETECT + " HTTP/1.1\r\nHost: edge\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedAlready) {
                    // over the cap: the edge may have closed it before the headers went out
                }
            }
            assertEquals(200, CLUSTER.balancer().post(DETECT, TEXT,
                    java.util.Map.of("Content-Type", "application/json")).status(), "another address is served");
            // HAProxy's threads may count simultaneous connections in any order: which ten go is not fixed, how many is.
            Thread.sleep(500);
            List<Socket> held = new ArrayList<>();
            for (Socket socket : slow) {
                if (!closedNow(socket)) {
                    held.add(socket);
                }
            }
            assertEquals(20, held.size(), "the ten over the cap of 20 were closed at once, without an answer ("
                    + refusedAtConnect + " while connecting)");
            assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofSeconds(8)) < 0,
                    "closed at once, long before the header timeout");
            // The twenty under the cap are held until timeout http-request (10 s), then answered 408 and closed.
            Instant firstClosed = null;
            for (Socket socket : held) {
                socket.setSoTimeout(30_000);
                String answer = readAll(socket.getInputStream());
                firstClosed = firstClosed == null ? Instant.now() : firstClosed;
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
            }
            assertTrue(Duration.between(start, firstClosed).compareTo(Duration.ofSeconds(9)) >= 0,
                    "held until the header timeout: " + Duration.between(start, firstClosed));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Whether the edge has closed the connection (without an answer); false while it is still open. */
    private static boolean closedNow(Socket socket) throws IOException {
        socket.setSoTimeout(100);
        try {
            int first = socket.getInputStream().read();
            assertEquals(-1, first, "a connection over the cap gets no answer");
            return true;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static int port() {
        return CLUSTER.balancer().uri("/").getPort();
    }

    private static Socket connect(String from) throws IOException {
        return Flood.connect(from, port());
    }

    private static String post(String from) throws IOException {
        return Flood.post(from, port(), DETECT, TEXT);
    }

    private static String readAll(InputStream in) throws IOException {
        return Flood.readAll(in);
    }
}
