package dev.sema.api;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's configuration table lists every key that has a default, with its environment variable. */
class ConfigDocumentationTest {

    @Test
    void readmeListsEveryConfigKey() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        String readme = Files.readString(Path.of("README.md"));
        assertFalse(defaults.isEmpty());
        for (String key : defaults.stringPropertyNames()) {
            if (!key.startsWith("sema.")) {
                continue;
            }
            String env = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            String row = "| `" + key + "` | `" + env + "` | `" + defaults.getProperty(key) + "` |";
            assertTrue(readme.contains(row), "README.md configuration table lacks: " + row);
        }
    }
}
