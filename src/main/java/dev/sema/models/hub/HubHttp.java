package dev.sema.models.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The three Hub calls Sema makes: revision info, file metadata ({@code HEAD resolve}), and the byte transfer.
 * Redirects are followed by hand so the {@code Authorization} header only goes to the Hub's own origin, never
 * to the CDN host a file redirects to.
 */
final class HubHttp {

    private static final int MAX_REDIRECTS = 5;
    private static final String USER_AGENT = "sema/1.0; java/" + Runtime.version().feature();

    private final HubSettings settings;
    private final HttpClient client;
    private final HubErrors errors;

    HubHttp(HubSettings settings, HttpClient client) {
        this.settings = settings;
        this.client = client;
        this.errors = new HubErrors(settings);
    }

    /** HTTP/1.1 and no automatic redirects: {@link HubHttp} follows them itself, never sending the token off-host. */
    static HttpClient newClient(HubSettings settings) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.connectTimeout()).build();
    }

    /** {@code GET /api/models/{repo}/revision/{revision}}: one attempt, retried by the caller. */
    RepoInfo revisionInfo(String repo, String revision) throws IOException {
        URI uri = URI.create(settings.endpoint() + "/api/models/" + repo + "/revision/" + encodeSegment(revision));
        HttpResponse<InputStream> response = send(request(uri).GET(), HttpResponse.BodyHandlers.ofInputStream());
        // A renamed repository answers with a redirect to its new name.
        for (int hop = 0; isRedirect(response.statusCode()) && hop < MAX_REDIRECTS; hop++) {
            response.body().close();
            uri = uri.resolve(location(response));
            response = send(request(uri).GET(), HttpResponse.BodyHandlers.ofInputStream());
        }
        try (InputStream body = response.body()) {
            errors.check(response, repo, revision, null);
            JsonObject json = Json.createReader(body).readObject();
            List<String> files = json.getJsonArray("siblings").getValuesAs(JsonObject.class).stream()
                    .map(s -> s.getString("rfilename")).toList();
            return new RepoInfo(json.getString("sha"), files);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new HubException(HubException.Reason.HUB_ERROR, settings.endpoint() + " answered the revision "
                    + "request for " + repo + "@" + revision + " with unexpected JSON (" + e.getMessage()
                    + "); is HF_ENDPOINT a Hugging Face Hub?", e);
        }
    }

    /**
     * {@code HEAD /{repo}/resolve/{commit}/{file}}. Redirects without file metadata (a renamed repository) are
     * followed; the redirect that carries it (to the CDN) is not, its target becomes the download location.
     */
    FileMetadata metadata(String repo, String commit, String file) throws IOException {
        URI uri = URI.create(settings.endpoint() + "/" + repo + "/resolve/" + encodeSegment(commit) + "/"
                + encodePath(file));
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Void> response = send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                    HttpResponse.BodyHandlers.discarding());
            Optional<String> etag = header(response, "X-Linked-Etag").or(() -> header(response, "ETag"));
            if (isRedirect(response.statusCode()) && etag.isEmpty()) {
                uri = uri.resolve(location(response));
                continue;
            }
            boolean toCdn = isRedirect(response.statusCode());
            if (!toCdn) {
                errors.check(response, repo, commit, file);
            }
            URI target = toCdn ? uri.resolve(location(response)) : uri;
            long size = header(response, "X-Linked-Size").or(() -> header(response, "Content-Length"))
                    .map(Long::parseLong).orElse(-1L);
            if (etag.isEmpty()) {
                throw new HubException(HubException.Reason.HUB_ERROR, "no ETag for " + file + " in " + repo
                        + " from " + uri);
            }
            String etagValue = normalizeEtag(etag.get());
            return new FileMetadata(header(response, "X-Repo-Commit").orElse(commit), etagValue, size, target);
        }
        throw new HubException(HubException.Reason.HUB_ERROR, "too many redirects for " + file + " in " + repo);
    }

    /**
     * {@code GET location} from byte {@code offset} on, following redirects. Returns 200, 206 or 416 responses
     * with an open body; anything else is turned into an exception.
     */
    HttpResponse<InputStream> open(URI location, long offset, String repo, String file) throws IOException {
        URI uri = location;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = request(uri).GET();
            if (offset > 0) {
                request.header("Range", "bytes=" + offset + "-");
            }
            HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 200 || status == 206 || status == 416) {
                return response;
            }
            response.body().close();
            if (isRedirect(status)) {
                uri = uri.resolve(location(response));
                continue;
            }
            if ((status == 401 || status == 403) && !sameOrigin(settings.endpoint(), uri)) {
                throw new LocationExpiredException("the download link for " + file + " was refused (HTTP "
                        + status + "), probably expired");
            }
            errors.check(response, repo, null, file);
            throw new HubException(HubException.Reason.HUB_ERROR, "unexpected HTTP " + status + " for " + uri);
        }
        throw new HubException(HubException.Reason.HUB_ERROR, "too many redirects downloading " + file);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.connectTimeout())
                .header("User-Agent", USER_AGENT)
                // Sizes and checksums refer to the raw bytes: never let a proxy compress them.
                .header("Accept-Encoding", "identity");
        // Signed CDN URLs need no token, and a token must never leak to a host other than the Hub itself.
        if (settings.token().isPresent() && sameOrigin(settings.endpoint(), uri)) {
            builder.header("Authorization", "Bearer " + settings.token().get());
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Reason.INTERRUPTED, "interrupted while talking to the Hub", e);
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** {@code W/"abc"} and {@code "abc"} both name the blob {@code abc}, as in huggingface_hub. */
    static String normalizeEtag(String etag) {
        String e = etag.startsWith("W/") ? etag.substring(2) : etag;
        return e.replace("\"", "");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String location(HttpResponse<?> response) {
        return header(response, "Location").orElseThrow(() -> new HubException(HubException.Reason.HUB_ERROR,
                "redirect without Location from " + response.uri()));
    }

    static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    private static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        return Arrays.stream(path.split("/")).map(HubHttp::encodeSegment).collect(Collectors.joining("/"));
    }
}
