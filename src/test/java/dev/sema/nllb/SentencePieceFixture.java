package dev.sema.nllb;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A small byte-fallback SentencePiece model trained once per test JVM with Debian's {@code spm_train}, and
 * {@code spm_encode} as the reference encoder. Identity normalisation and kept whitespace make every text
 * round-trip, which is what the detokeniser tests need.
 */
final class SentencePieceFixture {

    private static Path model;

    private SentencePieceFixture() {
    }

    static synchronized Path model() {
        if (model == null) {
            model = train();
        }
        return model;
    }

    private static Path train() {
        assumeInstalled("spm_train");
        try {
            Path dir = Files.createTempDirectory("sema-spm");
            Path corpus = dir.resolve("corpus.txt");
            Files.write(corpus, corpus(), StandardCharsets.UTF_8);
            run(List.of("spm_train", "--input=" + corpus, "--model_prefix=" + dir.resolve("sp"), "--vocab_size=400",
                    "--model_type=bpe", "--character_coverage=0.9995", "--normalization_rule_name=identity",
                    "--byte_fallback=true", "--remove_extra_whitespaces=false"), null, dir);
            return dir.resolve("sp.model");
        } catch (IOException e) {
            throw new IllegalStateException("Training the test SentencePiece model failed", e);
        }
    }

    /** SentencePiece ids from {@code spm_encode --output_format=id}, one array per input line. */
    static List<int[]> spmEncode(List<String> lines) throws IOException {
        assumeInstalled("spm_encode");
        String out = run(List.of("spm_encode", "--model=" + model(), "--output_format=id"),
                String.join("\n", lines) + "\n", model().getParent());
        List<int[]> ids = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (ids.size() < lines.size()) {
                ids.add(line.isBlank() ? new int[0] : java.util.Arrays.stream(line.trim().split(" ")).mapToInt(Integer::parseInt).toArray());
            }
        }
        return ids;
    }

    /** The {@code .vocab} file spm_train wrote: line i is piece i. */
    static List<String> vocabPieces() throws IOException {
        return Files.readAllLines(model().resolveSibling("sp.vocab"), StandardCharsets.UTF_8).stream()
                .map(line -> line.substring(0, line.indexOf('\t'))).toList();
    }

    private static List<String> corpus() {
        String[] words = ("the quick brown fox jumps over lazy dog translation server model language text hello world "
                + "how are you doing today café naïve über").split(" ");
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder line = new StringBuilder();
            for (int w = 2 + random.nextInt(10); w > 0; w--) {
                line.append(words[random.nextInt(words.length)]).append(w > 1 ? " " : "");
            }
            lines.add(line.toString());
        }
        for (int i = 0; i < 20; i++) {
            lines.add("日本語のテキスト 生活的真谛是 สวัสดีครับ Привет мир");
        }
        return lines;
    }

    private static String run(List<String> command, String stdin, Path dir) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.log").toFile()).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed: " + Files.readString(dir.resolve("stderr.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    private static void assumeInstalled(String tool) {
        boolean found = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        Assumptions.assumeTrue(found, "SKIPPED: '" + tool + "' is not installed (Debian package 'sentencepiece'); "
                + "the NLLB tokenizer tests need it to train and cross-check a SentencePiece model");
    }
}
