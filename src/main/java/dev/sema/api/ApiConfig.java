package dev.sema.api;

import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Optional;

/**
 * Settings of the HTTP edge; defaults in {@code META-INF/microprofile-config.properties} (README lists them).
 *
 * @param corsOrigins            {@code sema.cors-origins}: allowed browser origins; {@code *} allows any
 * @param maxCharacters          {@code sema.max-characters}: longest text to translate, and longest batch in
 *                               total, in Unicode code points after trimming
 * @param batchMaxTexts          {@code sema.batch-max-texts}: most texts in one batch request
 * @param maxBeamSize            {@code sema.max-beam-size}: largest {@code beam_size} a client may ask for
 * @param detectMaxCharacters    {@code sema.detect-max-characters}: longest text {@code /detect-language} takes
 * @param detectMaxTopK          {@code sema.detect-max-top-k}: largest {@code top_k}
 * @param version                {@code sema.version}: reported by {@code /status} and {@code /api/v1/health}
 * @param maxBodyBytes           {@code sema.max-body-bytes}: largest request body, declared or chunked
 * @param maxJsonDepth           {@code sema.max-json-depth}: deepest JSON nesting of a request body
 * @param adminToken             {@code sema.admin-token}: bearer token of the admin API; without it the admin
 *                               routes answer 404
 * @param adminReloadWaitSeconds {@code sema.admin-reload-wait-s}: longest a {@code ?wait=true} reload waits
 * @param maxMarkupBytes         {@code sema.max-markup-bytes}: most UTF-8 bytes of markup in one request (all
 *                               texts together) with {@code tag_handling}
 */
public record ApiConfig(List<String> corsOrigins, int maxCharacters, int batchMaxTexts, int maxBeamSize,
                        int detectMaxCharacters, int detectMaxTopK, String version, long maxBodyBytes,
                        int maxJsonDepth, Optional<String> adminToken, int adminReloadWaitSeconds,
                        int maxMarkupBytes) {

    public ApiConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static ApiConfig from(Config config) {
        return new ApiConfig(config.getValues("sema.cors-origins", String.class),
                config.getValue("sema.max-characters", int.class),
                config.getValue("sema.batch-max-texts", int.class),
                config.getValue("sema.max-beam-size", int.class),
                config.getValue("sema.detect-max-characters", int.class),
                config.getValue("sema.detect-max-top-k", int.class),
                config.getValue("sema.version", String.class),
                config.getValue("sema.max-body-bytes", long.class),
                config.getValue("sema.max-json-depth", int.class),
                config.getOptionalValue("sema.admin-token", String.class),
                config.getValue("sema.admin-reload-wait-s", int.class),
                config.getValue("sema.max-markup-bytes", int.class));
    }
}
