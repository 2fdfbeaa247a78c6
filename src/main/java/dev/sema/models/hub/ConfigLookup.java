package dev.sema.models.hub;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * Where settings come from. The same lookup serves Sema's dotted keys ({@code sema.model-repo}) and the
 * Hugging Face environment variables ({@code HF_TOKEN}), so one MicroProfile {@link Config} covers both inside
 * the server, while tools and tests outside a container use {@link #system()} or {@link #of(Map)}, which fall back
 * to the same bundled defaults.
 */
@FunctionalInterface
public interface ConfigLookup {

    /** Where every default lives; MicroProfile Config reads it itself inside the server. */
    String DEFAULTS_RESOURCE = "/META-INF/microprofile-config.properties";

    /** @return the trimmed, non-blank value of {@code key}, if set */
    Optional<String> raw(String key);

    default Optional<String> get(String key) {
        return raw(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * @return the value of a key that has a default
     * @throws IllegalStateException when it has none, which means the bundled defaults lack the key
     */
    default String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException(key + " is not set and has no default in "
                + DEFAULTS_RESOURCE));
    }

    /** {@code values}, then the bundled defaults. */
    static ConfigLookup of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key)).or(() -> BundledDefaults.get(key));
    }

    static ConfigLookup microProfile(Config config) {
        return key -> config.getOptionalValue(key, String.class);
    }

    /**
     * System properties, then environment variables, using MicroProfile Config's environment mapping
     * ({@code sema.model-repo} is also found as {@code SEMA_MODEL_REPO}), then the bundled defaults.
     */
    static ConfigLookup system() {
        return key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(key)))
                .or(() -> Optional.ofNullable(System.getenv(environmentName(key))))
                .or(() -> BundledDefaults.get(key));
    }

    /** MicroProfile Config's mapping of a property name to an environment variable name. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
