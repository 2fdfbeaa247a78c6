package dev.sema.detection;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The read-only material under {@code ../shared}: lid.176.ftz and the FLORES-200 dev split. */
public final class SharedData {

    private SharedData() {
    }

    /** Skips the calling test unless {@code present}, printing why on stderr as well as in the report. */
    public static void requirePresent(boolean present, String why) {
        if (!present) {
            System.err.println(why);
        }
        assumeTrue(present, why);
    }

    public static Path sharedDir() {
        return Path.of(System.getProperty("sema.shared.dir", "../shared"));
    }

    /** Skips the calling test loudly when lid.176.ftz is absent. */
    public static Path lid176() {
        Path model = sharedDir().resolve("models/lid.176.ftz");
        requirePresent(Files.isRegularFile(model), "SKIPPED: " + model.toAbsolutePath()
                + " is missing; set -Dsema.shared.dir to the shared material to run this test");
        return model;
    }

    /** FLORES-200 dev sentences by FLORES code (204 languages, 997 each), in file-name order. */
    public static Map<String, List<String>> floresDev() throws IOException {
        Path dir = sharedDir().resolve("flores200/dev");
        requirePresent(Files.isDirectory(dir), "SKIPPED: FLORES-200 dev directory " + dir.toAbsolutePath()
                + " is missing; set -Dsema.shared.dir to the shared material to run this test");
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".dev") || name.endsWith(".dev.gz")) {
                    out.put(name.substring(0, name.indexOf('.')), readLines(f));
                }
            }
        }
        return out;
    }

    private static List<String> readLines(Path f) throws IOException {
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }
}
