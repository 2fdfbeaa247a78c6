package dev.sema.models.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link FakeHub} as a process of its own, so an IT Liberty server can download from it ({@code HF_ENDPOINT}):
 * {@code FakeHubServer PORT CONTROL_PORT ECHO_MODEL_DIR LID_FILE [BYTES_PER_SECOND [CACHE_TO_EMPTY]]}. {@code mvn verify} starts it before the
 * {@code semaHubIT} server. Repositories:
 * <ul>
 *   <li>{@value #NLLB}: {@code main} = the echo model; {@code v2} = the echo model with a changed
 *       {@code config.json} (another commit whose ONNX blobs are the same);</li>
 *   <li>{@value #LID}: {@code lid.176.ftz} (when LID_FILE exists).</li>
 * </ul>
 * CACHE_TO_EMPTY is deleted first (the client's Hub cache, so each run downloads afresh). Blob transfers start throttled to BYTES_PER_SECOND (default unlimited), so a test can watch a slow first
 * download. A control server on CONTROL_PORT answers {@code POST /throttle?bytes_per_second=N} (0 lifts it) and
 * {@code GET /count?prefix=/api/models/} (requests seen so far).
 */
public final class FakeHubServer {

    public static final String NLLB = "sema-test/nllb-echo";
    public static final String LID = "sema-test/lid";
    public static final String LID_FILE = "lid.176.ftz";
    public static final String V2 = "v2";

    private FakeHubServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FakeHubServer PORT CONTROL_PORT ECHO_MODEL_DIR LID_FILE [BYTES_PER_SECOND"
                    + " [CACHE_TO_EMPTY]]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int controlPort = Integer.parseInt(args[1]);
        if (args.length > 5) {
            // The client's Hub cache: emptied so that every run starts with a first download.
            deleteRecursively(Path.of(args[5]));
        }
        FakeHub hub = FakeHub.start(port);
        Map<String, byte[]> echo = files(Path.of(args[2]));
        Map<String, byte[]> changed = new LinkedHashMap<>(echo);
        String config = new String(echo.get("config.json"), StandardCharsets.UTF_8).strip();
        changed.put("config.json", (config.substring(0, config.lastIndexOf('}'))
                + ",\"sema_test_revision\":\"v2\"}").getBytes(StandardCharsets.UTF_8));
        FakeHub.Repo nllb = hub.repo(NLLB);
        String v2 = nllb.commit(changed);
        String main = nllb.commit(echo);
        nllb.branch(V2, v2);
        Path lid = Path.of(args[3]);
        if (Files.isRegularFile(lid)) {
            hub.repo(LID).commit(Map.of(LID_FILE, Files.readAllBytes(lid)));
        } else {
            System.err.println("FakeHubServer: " + lid + " is missing; " + LID + " is not served");
        }
        hub.throttle(args.length > 4 ? Long.parseLong(args[4]) : 0);
        control(controlPort, hub);
        System.out.println("FakeHubServer: " + hub.endpoint() + " serves " + NLLB + " (main " + main + ", " + V2
                + " " + v2 + ") and " + LID + "; control on port " + controlPort);
        Thread.currentThread().join();
    }

    private static void control(int port, FakeHub hub) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/throttle", exchange -> {
            hub.throttle(Long.parseLong(query(exchange, "bytes_per_second")));
            answer(exchange, "ok");
        });
        server.createContext("/count", exchange -> answer(exchange,
                Long.toString(hub.countPath(query(exchange, "prefix")))));
        server.start();
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("missing query parameter " + name);
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        try (exchange) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Every file of a model folder by repository path, without the generator's marker. */
    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .forEach(p -> {
                        try {
                            files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return files;
    }
}
