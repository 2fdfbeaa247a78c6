package dev.sema.testmodels;

import ai.djl.sentencepiece.SpTokenizer;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The committed SentencePiece model round-trips any text (identity normalisation, byte fallback). */
class SentencePieceModelTest {
    private static final List<String> TEXTS = List.of(
            "How are you doing?",
            "  leading, trailing and   inner spaces  ",
            "Emoji 🌍👩🏽‍💻 and supplementary 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "生活的真谛是 — 日本語のテキスト、한국어",
            "control\u0001chars\tand\u007fdel, NBSP\u00a0and\u200bZWSP",
            "\ufb01 ligature, \u00c5 vs A\u030a, \u00bd and full-width \uff21 stay unnormalised");

    @Test
    void spmEncodeDecodeRoundTripsEveryText() throws Exception {
        Path model = TestModels.echo().resolve("sentencepiece.bpe.model");
        assumeTrue(onPath("spm_encode") && onPath("spm_decode"),
                "SKIPPED LOUDLY: spm_encode/spm_decode (Debian package sentencepiece) not on PATH; "
                        + "cannot check the test tokenizer round trip");
        for (String text : TEXTS) {
            String ids = run(List.of("spm_encode", "--model=" + model, "--output_format=id"), text).strip();
            String back = run(List.of("spm_decode", "--model=" + model, "--input_format=id"), ids);
            assertEquals(text, back.substring(0, back.length() - 1), "round trip of " + text);
        }
    }

    @Test
    void djlIdsEqualSpmEncodeAndStayBelowTheSpmSize() throws Exception {
        Path model = TestModels.echo().resolve("sentencepiece.bpe.model");
        assumeTrue(onPath("spm_encode"), "SKIPPED LOUDLY: spm_encode not on PATH");
        try (SpTokenizer tokenizer = new SpTokenizer(model)) {
            for (String text : TEXTS) {
                int[] djl = tokenizer.getProcessor().encode(text);
                String cli = run(List.of("spm_encode", "--model=" + model, "--output_format=id"), text).strip();
                assertEquals(cli, Arrays.stream(djl).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
                assertTrue(Arrays.stream(djl).allMatch(id -> id > 0 && id < ModelFiles.SPM_SIZE),
                        "no <unk> and every id a piece: " + Arrays.toString(djl));
            }
            assertArrayEquals(new String[]{"<0xF0>", "<0x9F>", "<0x8C>", "<0x8D>"},
                    Arrays.copyOfRange(tokenizer.getProcessor().tokenize("🌍"), 1, 5), "byte fallback");
        }
    }

    @Test
    void modelHasTheDeclaredNumberOfPieces() throws Exception {
        assumeTrue(onPath("spm_export_vocab"), "SKIPPED LOUDLY: spm_export_vocab not on PATH");
        Path model = TestModels.echo().resolve("sentencepiece.bpe.model");
        String vocab = run(List.of("spm_export_vocab", "--model=" + model), "");
        assertEquals(ModelFiles.SPM_SIZE, vocab.lines().count());
        assertTrue(vocab.startsWith("<unk>\t0\n<s>\t0\n</s>\t0\n"), "spm ids 0..2 are <unk> <s> </s> as in NLLB");
    }

    private static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdin.isEmpty()) {
            // A tool that reads no input may exit before a write to its stdin: the write then fails (broken pipe).
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = builder.start();
        if (!stdin.isEmpty()) {
            try (var in = p.getOutputStream()) {
                in.write((stdin + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command));
        return out;
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
