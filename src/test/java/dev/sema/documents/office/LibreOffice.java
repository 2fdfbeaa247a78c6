package dev.sema.documents.office;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * LibreOffice headless, the real program that makes fixtures and re-opens every output: {@code soffice
 * --convert-to} with a profile of its own (so it neither meets a desktop instance nor another test's), under a
 * deadline. Conversions run one at a time: two instances on one profile would block each other.
 */
public final class LibreOffice {

    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static Path profile;

    private LibreOffice() {
    }

    /** Skips the calling test, saying why, when soffice is not installed (CI installs libreoffice-*-nogui). */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), "LibreOffice (soffice) is not installed: the office format tests make "
                + "their fixtures with it and re-open every output in it");
    }

    private static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "soffice"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Converts each file to {@code filter} (an extension, optionally with a filter: {@code "txt:Text"}) into
     * {@code outDir}, in one soffice run.
     *
     * @return the converted files, in the inputs' order
     */
    public static synchronized List<Path> convert(List<Path> inputs, String filter, Path outDir) throws IOException,
            InterruptedException {
        if (profile == null) {
            profile = Files.createTempDirectory("sema-lo-profile");
        }
        Files.createDirectories(outDir);
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--nologo", "--convert-to", filter, "--outdir", outDir.toString()));
        inputs.forEach(p -> command.add(p.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(outDir.resolve("soffice.log").toFile()).start();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("soffice did not finish " + filter + " within " + DEADLINE + ": " + inputs);
        }
        String extension = filter.contains(":") ? filter.substring(0, filter.indexOf(':')) : filter;
        List<Path> outputs = new ArrayList<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            Path output = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + extension);
            assertTrue(Files.isRegularFile(output) && Files.size(output) > 0, () -> "soffice made no " + output
                    + " (exit " + process.exitValue() + "): " + log(outDir));
            outputs.add(output);
        }
        return outputs;
    }

    static Path convert(Path input, String filter, Path outDir) throws IOException, InterruptedException {
        return convert(List.of(input), filter, outDir).get(0);
    }

    private static String log(Path outDir) {
        try {
            return Files.readString(outDir.resolve("soffice.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
