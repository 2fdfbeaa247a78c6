package dev.sema.models.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * How Sema talks to the Hugging Face Hub. Reads the variables {@code huggingface_hub} reads, with the same
 * defaults, so a cache filled by Python tools is reused and vice versa.
 *
 * @param endpoint         Hub base URL ({@code HF_ENDPOINT}, default {@code https://huggingface.co})
 * @param token            bearer token ({@code HF_TOKEN}, else the file {@code huggingface-cli login} writes)
 * @param offline          {@code HF_HUB_OFFLINE}: never touch the network, serve from the cache only
 * @param cacheDir         the Hub cache ({@code HF_HUB_CACHE}, default {@code $HF_HOME/hub})
 * @param retry            retries of transient failures ({@code sema.hub-max-attempts},
 *                         {@code sema.hub-retry-initial-ms}, {@code sema.hub-retry-max-ms})
 * @param connectTimeout   TCP/TLS connect and response-header timeout ({@code sema.hub-timeout-s}, default 10 s)
 * @param stallTimeout     abort and resume a body transfer that delivers no byte for this long
 *                         ({@code sema.hub-stall-timeout-s}, default 60 s)
 * @param progressInterval at most one progress log line per interval, plus one per 10 %
 *                         ({@code sema.hub-progress-interval-s}, default 5 s)
 */
public record HubSettings(URI endpoint, Optional<String> token, boolean offline, Path cacheDir, RetryPolicy retry,
                          Duration connectTimeout, Duration stallTimeout, Duration progressInterval) {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

    public HubSettings {
        String base = endpoint.toString();
        endpoint = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    public static HubSettings from(ConfigLookup config) {
        Path home = config.get("HF_HOME").map(Path::of).orElseGet(() -> config.get("XDG_CACHE_HOME").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache")).resolve("huggingface"));
        Path cache = config.get("HF_HUB_CACHE").or(() -> config.get("HUGGINGFACE_HUB_CACHE"))
                .map(Path::of).orElse(home.resolve("hub"));
        Optional<String> token = config.get("HF_TOKEN").or(() -> config.get("HUGGING_FACE_HUB_TOKEN"))
                .or(() -> readToken(config.get("HF_TOKEN_PATH").map(Path::of).orElse(home.resolve("token"))));
        boolean offline = config.get("HF_HUB_OFFLINE").map(v -> TRUE.contains(v.toLowerCase(Locale.ROOT)))
                .orElse(false);
        RetryPolicy retry = new RetryPolicy(intValue(config, "sema.hub-max-attempts"),
                Duration.ofMillis(intValue(config, "sema.hub-retry-initial-ms")),
                Duration.ofMillis(intValue(config, "sema.hub-retry-max-ms")));
        return new HubSettings(URI.create(config.get("HF_ENDPOINT").orElse(DEFAULT_ENDPOINT)), token, offline,
                cache, retry, Duration.ofSeconds(intValue(config, "sema.hub-timeout-s")),
                Duration.ofSeconds(intValue(config, "sema.hub-stall-timeout-s")),
                Duration.ofSeconds(intValue(config, "sema.hub-progress-interval-s")));
    }

    private static Optional<String> readToken(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            // Public models need no token: an unreadable token file must not stop them from loading.
            Logger.getLogger(HubSettings.class.getName()).warning(() -> "Ignoring the Hugging Face token file "
                    + file + ": " + e);
            return Optional.empty();
        }
    }

    private static int intValue(ConfigLookup config, String key) {
        String value = config.require(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'", e);
        }
    }
}
