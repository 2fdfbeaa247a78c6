package dev.sema.api.web;

import dev.sema.api.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.EntityTag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

/**
 * The translator page's files, read once from the WAR: {@code index.html} (served at {@code /}, with the server's
 * request limits written into it so the page can count characters against the real limit) and the flat folder
 * {@code ui/}. They cannot change while the application runs, so each gets its strong ETag once.
 */
@ApplicationScoped
public class WebAssets {

    static final String PAGE = "/index.html";
    static final String ASSETS = "/ui/";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private final Asset page;
    private final Map<String, Asset> assets;

    @Inject
    public WebAssets(ServletContext war, ApiConfig limits) {
        String template = new String(read(war, PAGE), StandardCharsets.UTF_8);
        this.page = asset(PAGE, template
                .replace("{{max-characters}}", Integer.toString(limits.maxCharacters()))
                .replace("{{max-beam-size}}", Integer.toString(limits.maxBeamSize()))
                .getBytes(StandardCharsets.UTF_8));
        Set<String> paths = war.getResourcePaths(ASSETS);
        this.assets = (paths == null ? Set.<String>of() : paths).stream()
                .filter(path -> !path.endsWith("/") && mediaType(path) != null)
                .collect(Collectors.toUnmodifiableMap(path -> path.substring(ASSETS.length()),
                        path -> asset(path, read(war, path))));
    }

    /** For the CDI client proxy only. */
    protected WebAssets() {
        this.page = null;
        this.assets = Map.of();
    }

    /** The page itself. */
    public Asset page() {
        return page;
    }

    /** A file of {@code ui/} by name; only files of the listed media types are served, nothing above the folder. */
    public Optional<Asset> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static Asset asset(String path, byte[] content) {
        return new Asset(content, mediaType(path), new EntityTag(fingerprint(content)));
    }

    private static String mediaType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : MEDIA_TYPES.get(path.substring(dot + 1));
    }

    private static byte[] read(ServletContext war, String path) {
        try (InputStream in = war.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The WAR lacks " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " from the WAR", e);
        }
    }

    /** Length and CRC-32: tells two versions of one file apart, which is all an ETag needs (no secret here). */
    private static String fingerprint(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return Integer.toHexString(content.length) + "-" + Long.toHexString(crc.getValue());
    }

    /** One file as served: bytes, {@code Content-Type} and ETag. */
    public record Asset(byte[] content, String mediaType, EntityTag etag) {
    }
}
