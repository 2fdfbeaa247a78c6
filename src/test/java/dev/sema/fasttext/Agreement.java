package dev.sema.fasttext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Compares {@link FastTextModel#predict} with {@code fasttext predict-prob} line by line. */
final class Agreement {

    static final double TOLERANCE = 1e-4;

    private Agreement() {
    }

    /**
     * Asserts identical labels in identical order and probabilities within {@link #TOLERANCE} for every line.
     *
     * @return number of lines compared
     */
    static int assertAgrees(FastTextModel model, Path modelFile, List<String> lines, int k, Path workDir)
            throws IOException, InterruptedException {
        Path input = Files.createTempFile(workDir, "lines", ".txt");
        Files.write(input, lines, StandardCharsets.UTF_8);
        List<List<Prediction>> expected = FastTextCli.predictProb(modelFile, input, k);
        Files.delete(input);
        assertEquals(lines.size(), expected.size(), "fasttext printed one line per input line");
        List<String> problems = new ArrayList<>();
        int mismatches = 0;
        for (int i = 0; i < lines.size(); i++) {
            List<Prediction> want = expected.get(i);
            List<Prediction> got = model.predict(lines.get(i), k);
            if (!same(want, got)) {
                mismatches++;
                if (problems.size() < 10) {
                    problems.add("line " + i + " [" + lines.get(i) + "]\n  fasttext: " + want + "\n  java:     " + got);
                }
            }
        }
        if (mismatches > 0) {
            fail(mismatches + " of " + lines.size() + " lines differ from fasttext (k=" + k + "):\n"
                    + String.join("\n", problems));
        }
        return lines.size();
    }

    private static boolean same(List<Prediction> want, List<Prediction> got) {
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            if (!want.get(i).label().equals(got.get(i).label())
                    || Math.abs(want.get(i).probability() - got.get(i).probability()) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
