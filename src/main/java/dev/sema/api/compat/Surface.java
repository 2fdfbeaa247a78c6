package dev.sema.api.compat;

import dev.sema.api.error.ApiError;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A foreign API that Sema also speaks, found by path: DeepL's at {@code /v2/} and {@code /v3/}, LibreTranslate's under
 * {@code /libretranslate/}. Each says how its clients send bodies ({@link BodyField}: which fields are lists) and how
 * Sema's failures look to them: the status their clients act on and their error body.
 */
public enum Surface {

    /**
     * DeepL: {@code {"message": ...}}; a refused key is 403, an exhausted quota 456, a document not ready yet 503
     * (the DeepL clients' own types).
     */
    DEEPL(List.of("/v2/", "/v3/"), Map.of("text", BodyField.LIST, "ignore_tags", BodyField.COMMA_LIST,
            "splitting_tags", BodyField.COMMA_LIST, "non_splitting_tags", BodyField.COMMA_LIST)),
    /** LibreTranslate: {@code {"error": ...}} with 400, 403, 429 and 500 only. */
    LIBRETRANSLATE(List.of("/libretranslate/"), Map.of("q", BodyField.LIST, "alternatives", BodyField.NUMBER));

    /** DeepL's status for an exhausted character quota. */
    static final int DEEPL_QUOTA_EXCEEDED = 456;
    /** DeepL's status for a document result asked for too early (its clients' DocumentNotReadyException). */
    static final int DEEPL_DOCUMENT_NOT_READY = 503;

    private final List<String> prefixes;
    private final Map<String, BodyField> fields;

    Surface(List<String> prefixes, Map<String, BodyField> fields) {
        this.prefixes = prefixes;
        this.fields = fields;
    }

    /** @param path the request path from the application root, with or without its leading slash */
    public static Optional<Surface> of(String path) {
        String rooted = path == null ? "/" : path.startsWith("/") ? path : "/" + path;
        for (Surface s : values()) {
            if (s.prefixes.stream().anyMatch(rooted::startsWith)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    Map<String, BodyField> fields() {
        return fields;
    }

    /** The status this surface's clients expect for a Sema failure. */
    int status(int status, ApiError error) {
        boolean keyRefused = status == 401;
        return switch (this) {
            case DEEPL -> keyRefused ? 403
                    : status == 429 && "quota_exceeded".equals(error.error()) ? DEEPL_QUOTA_EXCEEDED
                    : "document_not_ready".equals(error.error()) ? DEEPL_DOCUMENT_NOT_READY
                    : status == 415 ? 400 : status; // DeepL refuses a file type as a bad request
            case LIBRETRANSLATE -> keyRefused ? 403 : status >= 500 ? 500
                    : status == 413 || status == 415 ? 400 : status;
        };
    }

    /** This surface's error body for a Sema failure. */
    Object body(ApiError error) {
        return switch (this) {
            case DEEPL -> new DeepLError(error.detail());
            case LIBRETRANSLATE -> new LibreTranslateError(error.detail());
        };
    }

    /** DeepL's error body. */
    public record DeepLError(String message) {
    }

    /** LibreTranslate's error body. */
    public record LibreTranslateError(String error) {
    }
}
