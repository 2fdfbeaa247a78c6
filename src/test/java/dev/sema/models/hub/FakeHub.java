package dev.sema.models.hub;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Hugging Face Hub speaking the real protocol, in the test JVM, on 127.0.0.1 with an ephemeral port:
 * <ul>
 *   <li>{@code GET /api/models/{org}/{name}/revision/{rev}}: JSON with {@code sha} and {@code siblings};</li>
 *   <li>{@code HEAD|GET /{org}/{name}/resolve/{rev}/{path}}: small files answered directly (ETag = git sha1),
 *       "LFS" files with 302 to {@code /blobs/{sha256}} plus {@code X-Linked-Etag}, {@code X-Linked-Size};
 *       both with {@code X-Repo-Commit};</li>
 *   <li>{@code GET /blobs/{sha256}} with {@code Range} support, on this server or on a separate "CDN" server
 *       (another origin, to check that the token is not forwarded).</li>
 * </ul>
 * Faults on demand: gated repositories (401 without the right token), 404s with the Hub's {@code X-Error-Code},
 * a connection dropped once after N bytes, N answers with a given status, corrupted bytes, a bandwidth throttle.
 * Every request is recorded, so tests can prove how many calls were made and with which headers.
 * <pre>{@code
 * try (FakeHub hub = FakeHub.start()) {
 *     String commit = hub.repo("Xenova/nllb-200-distilled-600M").commit(Map.of("config.json", bytes, ...));
 *     HubSettings settings = HubFixtures.settings(hub, tempDir);   // or HF_ENDPOINT=hub.endpoint()
 *     new HubClient(settings).fetch("Xenova/nllb-200-distilled-600M", "main",
 *             ModelFileSelection.nllb(ModelVariant.QUANTIZED));
 *     assertEquals(1, hub.countPath("/api/models/"));
 * }
 * }</pre>
 */
public final class FakeHub implements AutoCloseable {

    /** Files at least this large are served as LFS files (redirect to a blob, sha256 ETag). */
    public static final int LFS_THRESHOLD = 1024;

    public record Request(String method, String path, String range, String authorization, boolean cdn) {
    }

    private record FakeFile(String path, byte[] content, boolean lfs) {
        String etag() {
            return lfs ? hex("SHA-256", content) : gitSha1(content);
        }
    }

    /** One repository: commits (file sets) and refs (branches and tags). */
    public static final class Repo {
        private final String id;
        private final Map<String, Map<String, FakeFile>> commits = new ConcurrentHashMap<>();
        private final Map<String, String> refs = new ConcurrentHashMap<>();
        private volatile String gatedToken;

        private Repo(String id) {
            this.id = id;
        }

        /** Adds a commit holding {@code files}, moves {@code main} to it, and returns its hash. */
        public String commit(Map<String, byte[]> files) {
            Map<String, FakeFile> entries = new LinkedHashMap<>();
            files.forEach((path, bytes) -> entries.put(path, new FakeFile(path, bytes, bytes.length >= LFS_THRESHOLD)));
            String sha = hex("SHA-1", (id + "#" + commits.size() + files.keySet()).getBytes(StandardCharsets.UTF_8));
            commits.put(sha, entries);
            refs.put("main", sha);
            return sha;
        }

        public Repo branch(String name, String commit) {
            refs.put(name, commit);
            return this;
        }

        /** Makes the repository gated: only {@code Authorization: Bearer token} gets through. */
        public Repo gated(String token) {
            this.gatedToken = token;
            return this;
        }
    }

    private record Fault(int status, AtomicInteger remaining, String retryAfter) {
    }

    private record Drop(long afterBytes, Duration pause, AtomicInteger remaining) {
    }

    private final HttpServer hub;
    private final HttpServer cdn;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-hub");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final Map<String, FakeFile> blobs = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Drop> drops = new ConcurrentHashMap<>();
    private final Map<String, Boolean> corrupted = new ConcurrentHashMap<>();
    private final Map<String, String> renamed = new ConcurrentHashMap<>();
    private volatile long bytesPerSecond;

    private FakeHub(boolean separateCdn, int port) throws IOException {
        hub = server(port);
        cdn = separateCdn ? server(0) : hub;
        hub.createContext("/", exchange -> handle(exchange, false));
        if (separateCdn) {
            cdn.createContext("/", exchange -> handle(exchange, true));
        }
        hub.start();
        if (separateCdn) {
            cdn.start();
        }
    }

    /** A Hub whose blobs are served by the same server. */
    public static FakeHub start() throws IOException {
        return new FakeHub(false, 0);
    }

    /** A Hub on a fixed port, for a server in another process ({@link FakeHubServer}). */
    public static FakeHub start(int port) throws IOException {
        return new FakeHub(false, port);
    }

    /** A Hub whose LFS redirects point to a second server: another origin, like a real CDN. */
    public static FakeHub startWithCdn() throws IOException {
        return new FakeHub(true, 0);
    }

    public URI endpoint() {
        return base(hub);
    }

    public Repo repo(String id) {
        return repos.computeIfAbsent(id, Repo::new);
    }

    /** Requests for {@code oldId} get a relative 307 to {@code newId}, as after a repository rename. */
    public void rename(String oldId, String newId) {
        renamed.put(oldId, newId);
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} get {@code status}. */
    public void failNext(String pathPrefix, int status, int times, Integer retryAfterSeconds) {
        faults.put(pathPrefix, new Fault(status, new AtomicInteger(times),
                retryAfterSeconds == null ? null : retryAfterSeconds.toString()));
    }

    /** The next transfer of {@code file} stops after {@code afterBytes}, waits {@code pause}, and drops the connection. */
    public void dropConnectionOnce(String file, long afterBytes, Duration pause) {
        dropConnection(file, afterBytes, 1, pause);
    }

    /** The next {@code times} transfers of {@code file} each send {@code afterBytes} and then drop the connection. */
    public void dropConnection(String file, long afterBytes, int times, Duration pause) {
        drops.put(file, new Drop(afterBytes, pause, new AtomicInteger(times)));
    }

    /** Serves {@code file} with one byte flipped (headers still announce the true checksum). */
    public void corrupt(String file) {
        corrupted.put(file, true);
    }

    /** Limits every blob transfer to about {@code value} bytes per second (0: unlimited). */
    public void throttle(long value) {
        bytesPerSecond = value;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(Predicate<Request> filter) {
        return requests.stream().filter(filter).count();
    }

    public long countPath(String pathPrefix) {
        return count(r -> r.path().startsWith(pathPrefix));
    }

    @Override
    public void close() {
        hub.stop(0);
        if (cdn != hub) {
            cdn.stop(0);
        }
        executor.shutdownNow();
    }

    private HttpServer server(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        return server;
    }

    private static URI base(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange, boolean onCdn) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Range"),
                exchange.getRequestHeaders().getFirst("Authorization"), onCdn));
        try (exchange) {
            if (injectedFault(exchange, path)) {
                return;
            }
            String[] parts = path.split("/");
            if (redirectedRename(exchange, path, parts)) {
                return;
            }
            if (parts.length == 3 && parts[1].equals("blobs")) {
                serveBlob(exchange, parts[2]);
            } else if (onCdn) {
                error(exchange, 404, "", "not a blob");
            } else if (parts.length >= 7 && parts[1].equals("api") && parts[2].equals("models")
                    && parts[5].equals("revision")) {
                revision(exchange, parts[3] + "/" + parts[4], decode(parts[6]));
            } else if (parts.length >= 6 && parts[3].equals("resolve")) {
                String file = Arrays.stream(parts, 5, parts.length).map(FakeHub::decode).collect(Collectors.joining("/"));
                resolve(exchange, parts[1] + "/" + parts[2], decode(parts[4]), file);
            } else {
                error(exchange, 404, "", "unknown route " + path);
            }
        }
    }

    private boolean redirectedRename(HttpExchange exchange, String path, String[] parts) throws IOException {
        boolean api = parts.length >= 5 && parts[1].equals("api");
        String repoId = api ? parts[3] + "/" + parts[4] : parts.length >= 3 ? parts[1] + "/" + parts[2] : "";
        String target = renamed.get(repoId);
        if (target == null) {
            return false;
        }
        exchange.getResponseHeaders().set("Location", path.replace("/" + repoId + "/", "/" + target + "/"));
        exchange.sendResponseHeaders(307, -1);
        return true;
    }

    private boolean injectedFault(HttpExchange exchange, String path) throws IOException {
        for (Map.Entry<String, Fault> entry : faults.entrySet()) {
            Fault fault = entry.getValue();
            if (path.startsWith(entry.getKey()) && fault.remaining().getAndDecrement() > 0) {
                if (fault.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", fault.retryAfter());
                }
                error(exchange, fault.status(), "", "injected failure");
                return true;
            }
        }
        return false;
    }

    private void revision(HttpExchange exchange, String repoId, String revision) throws IOException {
        Repo repo = visible(exchange, repoId);
        String commit = repo == null ? null : commitOf(repo, revision);
        if (repo == null) {
            return;
        }
        if (commit == null) {
            error(exchange, 404, "RevisionNotFound", "Invalid rev id: " + revision);
            return;
        }
        String siblings = repo.commits.get(commit).keySet().stream().map(f -> "{\"rfilename\":\"" + f + "\"}")
                .collect(Collectors.joining(","));
        byte[] json = ("{\"id\":\"" + repoId + "\",\"sha\":\"" + commit + "\",\"private\":false,\"siblings\":["
                + siblings + "]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, json.length);
        exchange.getResponseBody().write(json);
    }

    private void resolve(HttpExchange exchange, String repoId, String revision, String file) throws IOException {
        Repo repo = accessible(exchange, repoId);
        if (repo == null) {
            return;
        }
        String commit = commitOf(repo, revision);
        if (commit == null) {
            error(exchange, 404, "RevisionNotFound", "Invalid rev id: " + revision);
            return;
        }
        FakeFile entry = repo.commits.get(commit).get(file);
        if (entry == null) {
            error(exchange, 404, "EntryNotFound", file + " does not exist on \"" + revision + "\"");
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("X-Repo-Commit", commit);
        if (entry.lfs()) {
            blobs.put(entry.etag(), entry);
            headers.set("X-Linked-Etag", "\"" + entry.etag() + "\"");
            headers.set("X-Linked-Size", Long.toString(entry.content().length));
            headers.set("ETag", "W/\"" + gitSha1(entry.etag().getBytes(StandardCharsets.US_ASCII)) + "\"");
            headers.set("Location", base(cdn) + "/blobs/" + entry.etag());
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        headers.set("ETag", "\"" + entry.etag() + "\"");
        send(exchange, entry, entry.content(), 0);
    }

    private void serveBlob(HttpExchange exchange, String sha) throws IOException {
        FakeFile entry = blobs.get(sha);
        if (entry == null) {
            error(exchange, 404, "", "no such blob");
            return;
        }
        byte[] content = entry.content();
        if (corrupted.containsKey(entry.path())) {
            content = content.clone();
            content[content.length / 2] ^= 0x5A;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        long start = range == null ? 0 : Long.parseLong(range.replaceFirst("^bytes=(\\d+)-.*$", "$1"));
        if (start >= content.length && start > 0) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        if (range != null) {
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        exchange.getResponseHeaders().set("ETag", "\"" + sha + "\"");
        send(exchange, entry, content, start);
    }

    /** Sends content[start..] (206 when start > 0), throttled, dropping the connection if told to. */
    private void send(HttpExchange exchange, FakeFile entry, byte[] content, long start) throws IOException {
        long length = content.length - start;
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(start > 0 ? 206 : 200, length == 0 ? -1 : length);
        Drop drop = drops.get(entry.path());
        if (drop != null && drop.remaining().getAndDecrement() <= 0) {
            drop = null;
        }
        long stopAt = drop == null ? content.length : Math.min(start + drop.afterBytes(), content.length);
        OutputStream out = exchange.getResponseBody();
        int chunk = 16 * 1024;
        for (long pos = start; pos < stopAt; pos += chunk) {
            int n = (int) Math.min(chunk, stopAt - pos);
            out.write(content, (int) pos, n);
            throttlePause(n);
        }
        if (drop != null) {
            out.flush();
            pause(drop.pause());
            // An exception out of the handler makes the server close the connection mid-body.
            throw new IOException("fake hub: dropping the connection after " + stopAt + " bytes");
        }
    }

    /** Sleeps in short slices, re-reading the limit, so lifting the throttle speeds up transfers at once. */
    private void throttlePause(int bytes) {
        long start = System.nanoTime();
        long limit;
        while ((limit = bytesPerSecond) > 0 && !Thread.currentThread().isInterrupted() && System.nanoTime() - start < bytes * 1_000_000_000L / limit) {
            pause(Duration.ofMillis(20));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The repository if it exists; otherwise answers like the Hub (401 or 404) and returns null. */
    private Repo visible(HttpExchange exchange, String repoId) throws IOException {
        Repo repo = repos.get(repoId);
        if (repo == null) {
            // The Hub hides whether a repository exists from anonymous callers.
            boolean anonymous = exchange.getRequestHeaders().getFirst("Authorization") == null;
            error(exchange, anonymous ? 401 : 404, "RepoNotFound", "Repository not found");
        }
        return repo;
    }

    /**
     * The repository if the caller may download from it. A gated repository's metadata is public, like on the
     * Hub; its files need the token of an account that accepted the licence.
     */
    private Repo accessible(HttpExchange exchange, String repoId) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Repo repo = visible(exchange, repoId);
        if (repo == null) {
            return null;
        }
        if (repo.gatedToken != null && !("Bearer " + repo.gatedToken).equals(auth)) {
            error(exchange, 401, "GatedRepo", "Access to model " + repoId + " is restricted. You must have access "
                    + "to it and be authenticated to access it. Please log in.");
            return null;
        }
        return repo;
    }

    private static String commitOf(Repo repo, String revision) {
        return repo.commits.containsKey(revision) ? revision : repo.refs.get(revision);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        if (!code.isEmpty()) {
            exchange.getResponseHeaders().set("X-Error-Code", code);
        }
        exchange.getResponseHeaders().set("X-Error-Message", message);
        byte[] body = ("{\"error\":\"" + message.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] content) {
        return hex("SHA-256", content);
    }

    public static String gitSha1(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(header, header.length + content.length);
        System.arraycopy(content, 0, all, header.length, content.length);
        return hex("SHA-1", all);
    }

    private static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
