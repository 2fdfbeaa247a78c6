package dev.sema.fasttext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The reference {@code fasttext} binary (Debian package), used as the oracle for predictions and training. */
public final class FastTextCli {

    private static final Path BINARY = Path.of(System.getProperty("sema.fasttext.binary", "/usr/bin/fasttext"));

    private FastTextCli() {
    }

    /** Skips the calling test loudly when the binary is not installed. */
    public static void requireBinary() {
        dev.sema.detection.SharedData.requirePresent(Files.isExecutable(BINARY), "SKIPPED: reference binary " + BINARY
                + " is missing (apt-get install fasttext); it is the oracle for this test");
    }

    /** Runs the binary with the given arguments; fails with its output when it exits non-zero. */
    public static String run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(BINARY.toString());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "fasttext", ".log");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("fasttext " + args[0] + " failed: " + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return out;
    }

    /** {@code fasttext predict-prob model file k}: one list of predictions per input line. */
    public static List<List<Prediction>> predictProb(Path model, Path lines, int k)
            throws IOException, InterruptedException {
        Path dir = lines.toAbsolutePath().getParent();
        Path out = Files.createTempFile(dir, "predict", ".txt");
        Process p = new ProcessBuilder(BINARY.toString(), "predict-prob", model.toAbsolutePath().toString(),
                lines.toAbsolutePath().toString(), Integer.toString(k))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("fasttext predict-prob failed with exit code " + p.exitValue());
        }
        List<List<Prediction>> result = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            List<Prediction> row = new ArrayList<>();
            String[] f = line.isEmpty() ? new String[0] : line.split(" ");
            for (int i = 0; i + 1 < f.length; i += 2) {
                row.add(new Prediction(f[i].replaceFirst("^__label__", ""), Float.parseFloat(f[i + 1])));
            }
            result.add(row);
        }
        Files.delete(out);
        return result;
    }
}
