package dev.sema.api.compat;

import dev.sema.api.error.ApiError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sema's failures as each surface's clients act on them. */
class SurfaceTest {

    private static ApiError error(String code) {
        return ApiError.of(code, "detail of " + code);
    }

    @Test
    void deepLClientsSee403ForKeysAnd456ForQuotas() {
        assertEquals(403, Surface.DEEPL.status(401, error("invalid_api_key")));
        assertEquals(403, Surface.DEEPL.status(403, error("insufficient_scope")));
        assertEquals(456, Surface.DEEPL.status(429, error("quota_exceeded")));
        assertEquals(429, Surface.DEEPL.status(429, error("rate_limited")));
        assertEquals(413, Surface.DEEPL.status(413, error("text_too_long")));
        assertEquals(400, Surface.DEEPL.status(400, error("unsupported_language")));
        assertEquals(400, Surface.DEEPL.status(415, error("unsupported_document_type")));
        assertEquals(503, Surface.DEEPL.status(409, error("document_not_ready")), "DocumentNotReadyException");
        assertEquals(Surface.DEEPL, Surface.of("/v3/glossaries").orElseThrow());
        assertEquals(Surface.DEEPL, Surface.of("v2/document").orElseThrow());
        assertEquals(new Surface.DeepLError("detail of x"), Surface.DEEPL.body(error("x")));
    }

    @Test
    void libreTranslateClientsSeeItsFourStatuses() {
        assertEquals(403, Surface.LIBRETRANSLATE.status(401, error("invalid_api_key")));
        assertEquals(429, Surface.LIBRETRANSLATE.status(429, error("quota_exceeded")));
        assertEquals(400, Surface.LIBRETRANSLATE.status(413, error("text_too_long")));
        assertEquals(400, Surface.LIBRETRANSLATE.status(415, error("unsupported_media_type")));
        assertEquals(500, Surface.LIBRETRANSLATE.status(503, error("model_not_loaded")));
        assertEquals(new Surface.LibreTranslateError("detail of x"), Surface.LIBRETRANSLATE.body(error("x")));
    }
}
