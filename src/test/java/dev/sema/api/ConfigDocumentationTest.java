package dev.sema.api;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README documents every configuration key: each key with a default in its table, with environment variable
 * and default, and each key the code reads.
 */
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

    /**
     * Keys read in code but without a default (a local model path, the admin token, the Hub's retry settings)
     * must be documented too: every {@code "sema.*"} string literal under {@code src/main/java} appears in
     * README, as the key or as its environment variable.
     */
    @Test
    void readmeDocumentsEveryKeyTheCodeReads() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Pattern key = Pattern.compile("\"(sema\\.[a-z0-9.-]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                key.matcher(Files.readString(source)).results().forEach(m -> keys.add(m.group(1)));
            }
        }
        assertTrue(keys.size() > 30, "the scan finds the keys: " + keys);
        for (String k : keys) {
            String env = k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            assertTrue(readme.contains("`" + k + "`") || readme.contains("`" + env + "`"),
                    "README.md does not document " + k + " (" + env + ")");
        }
    }
}
