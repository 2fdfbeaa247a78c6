package dev.sema.models.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** The defaults of {@code META-INF/microprofile-config.properties}, read once, for lookups outside MicroProfile. */
final class BundledDefaults {

    private static final Properties DEFAULTS = load();

    private BundledDefaults() {
    }

    static Optional<String> get(String key) {
        return Optional.ofNullable(DEFAULTS.getProperty(key));
    }

    private static Properties load() {
        Properties defaults = new Properties();
        try (InputStream in = BundledDefaults.class.getResourceAsStream(ConfigLookup.DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ConfigLookup.DEFAULTS_RESOURCE + " is missing from the class path");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults;
    }
}
