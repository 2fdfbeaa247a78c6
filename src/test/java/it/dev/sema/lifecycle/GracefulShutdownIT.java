package it.dev.sema.lifecycle;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SIGTERM drains semaShutdownIT before it stops, the way a load balancer needs it: {@code /health/ready} answers
 * 503 DOWN at once while new connections are still accepted and served; after the drain (15 s on this server) the
 * listener closes, a request in flight still gets its answer, and the JVM exits.
 *
 * <p>The build starts the server ({@code server start}); the signal goes to the JVM whose id Liberty writes to
 * {@code usr/servers/.pid/semaShutdownIT.pid}, as a container runtime signals the JVM that the image's entrypoint
 * execs. Every request after the signal uses a connection of its own, as a load balancer's health checks and new
 * clients do: an open keep-alive connection would still be served after the listener closed, and prove nothing.
 * The request in flight is held open by this test (half of its body now, the rest once the listener refuses
 * connections), so it spans the listener's close whatever the machine's speed. Every wait has a deadline.
 */
class GracefulShutdownIT {

    private static final String SERVER = "semaShutdownIT";
    /** semaShutdownIT's sema.shutdown-drain-s. */
    private static final Duration DRAIN = Duration.ofSeconds(15);
    /** Liberty's quiesce (requests in flight get up to 30 s) and the rest of its stop, with room to spare. */
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final String TEXT = "Habari ya asubuhi, rafiki";

    private final int port = Integer.parseInt(Http.port("http.port.shutdown"));

    @Test
    void sigtermTakesReadinessDownWhileServingThenStopsAfterTheRequestsInFlight() throws Exception {
        Path lid = Path.of(System.getProperty("sema.shared.dir", "../shared"), "models", "lid.176.ftz");
        assumeTrue(Files.isRegularFile(lid), "SKIPPED: " + lid + " (shared lid.176 model) is missing");
        Http.on("http.port.shutdown").awaitReady(Duration.ofSeconds(120));
        Path servers = Path.of(System.getProperty("liberty.wlp.dir"), "usr", "servers");
        long pid = Long.parseLong(Files.readString(servers.resolve(".pid").resolve(SERVER + ".pid")).trim());
        byte[] translation = Json.createObjectBuilder().add("text", TEXT).add("source_language", "swh_Latn")
                .add("target_language", "eng_Latn").build().toString().getBytes(StandardCharsets.UTF_8);

        try (Socket inFlight = connect()) {
            OutputStream out = inFlight.getOutputStream();
            out.write(head("POST", "/api/v1/translate", translation.length, false));
            out.write(translation, 0, translation.length / 2);
            out.flush();

            ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(SERVER + " (pid " + pid + ") is not running"))
                    .destroy(); // SIGTERM

            Reply ready = awaitNotReady();
            JsonObject health = ready.json();
            assertEquals("DOWN", health.getString("status"), ready.body());
            assertTrue(health.getJsonArray("checks").stream().map(JsonObject.class::cast).anyMatch(check ->
                    check.getString("name").equals("shutdown") && check.getString("status").equals("DOWN")
                            && check.getJsonObject("data").getString("state").equals("draining")), ready.body());
            assertTrue(health.getJsonArray("checks").stream().map(JsonObject.class::cast).anyMatch(check ->
                    check.getString("name").equals("models") && check.getString("status").equals("UP")),
                    "only the shutdown makes the server unready: " + ready.body());
            assertEquals(200, exchange("GET", "/health/live", new byte[0]).status(), "liveness stays UP");
            Reply during = exchange("POST", "/api/v1/translate", translation);
            assertEquals(200, during.status(), "a request arriving during the drain: " + during.body());
            assertEquals(TEXT, during.json().getString("translated_text"));

            awaitListenerClosed();
            assertFalse(exited(pid), "the server exited with a request in flight");
            out.write(translation, translation.length / 2, translation.length - translation.length / 2);
            out.flush();
            Reply last = read(inFlight.getInputStream());
            assertEquals(200, last.status(), "the request in flight across the listener's close: " + last.body());
            assertEquals(TEXT, last.json().getString("translated_text"));

            awaitExit(pid);
        }
        // The server's own account, in order: the drain, then Liberty's quiesce (which closed the listener).
        String log = Files.readString(servers.resolve(SERVER).resolve("logs").resolve("messages.log"));
        int drainBegan = log.indexOf("SIGTERM: readiness is DOWN");
        int drainEnded = log.indexOf("The drain is over");
        int quiesce = log.indexOf("CWWKE1100I"); // Waiting for up to 30 seconds for the server to quiesce.
        assertTrue(0 <= drainBegan && drainBegan < drainEnded && drainEnded < quiesce,
                "messages.log shows the drain, then the quiesce: " + drainBegan + " < " + drainEnded + " < " + quiesce);
    }

    private Reply awaitNotReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Reply ready = exchange("GET", "/health/ready", new byte[0]);
            if (ready.status() == 503) {
                return ready;
            }
            assertTrue(System.nanoTime() < deadline, "/health/ready still answers " + ready.status()
                    + " 10 s after SIGTERM: " + ready.body());
            Thread.sleep(50);
        }
    }

    /** Waits until a new connection is refused: the drain is over and Liberty's quiesce closed the listener. */
    private void awaitListenerClosed() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + DRAIN.plus(STOP).toNanos();
        while (true) {
            try (Socket probe = connect()) {
                assertTrue(System.nanoTime() < deadline, "port " + port + " still accepts connections "
                        + DRAIN.plus(STOP).toSeconds() + " s after SIGTERM");
            } catch (ConnectException refused) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void awaitExit(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + STOP.toNanos();
        while (!exited(pid)) {
            assertTrue(System.nanoTime() < deadline, "the server did not exit within " + STOP + " of the drain");
            Thread.sleep(100);
        }
    }

    /**
     * Whether the process is gone, or a zombie: its parent, the {@code server start} script, exited long ago, and
     * in a container without an init process nobody reaps it (Linux's {@code /proc}; Liberty's scripts need a
     * Unix anyway).
     */
    private static boolean exited(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) STOP.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One request on a new connection, closed after the reply. */
    private Reply exchange(String method, String path, byte[] body) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, body.length, true));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static byte[] head(String method, String path, int length, boolean close) {
        return (method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Status line, headers and the Content-Length bytes of the body that follow them. */
    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "the connection closed before the reply's headers ended: " + head);
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst()
                .orElseThrow(() -> new AssertionError("no Content-Length: " + headers));
        return new Reply(Integer.parseInt(headers.split(" ", 3)[1]),
                new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private record Reply(int status, String body) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }
}
