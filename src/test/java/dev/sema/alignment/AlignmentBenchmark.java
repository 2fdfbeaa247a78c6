package dev.sema.alignment;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.ModelVariant;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.OrtSettings;
import dev.sema.translation.EngineConfigs;
import dev.sema.translation.NllbTranslationEngine;
import dev.sema.translation.TestEngines;
import dev.sema.translation.TranslationOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What word alignment adds to translating a paragraph, for {@code scripts/bench-align}: per model directory
 * given, the same paragraph translated (the engine's {@code translate}, cache off, greedy) and translated then
 * aligned ({@link NllbWordAligner}: the tag-projection path's extra work), alternating in one run so that load
 * on the machine hits both alike, after one warm-up of each. Prints medians, the ratio, and the aligner alone.
 * {@code AlignmentBenchmark ROUNDS [--max-output-tokens N] MODEL_DIR...}: a cap near a real translation's length
 * (about 150 tokens for this paragraph in French) keeps a random-weight model's output from running to the
 * engine's limit, so both the decoding and the aligned text are as long as a trained model's would be.
 */
public final class AlignmentBenchmark {

    /** About 80 words in three sentences: a help-centre paragraph that would carry a few inline tags. */
    public static final String PARAGRAPH = "To reset your password, open the Settings page and choose Security. Enter the "
            + "code we sent to your e-mail address, then type the new password twice and press Save. If the code "
            + "does not arrive within ten minutes, check your spam folder or ask our support team for help; we "
            + "answer every request within one working day.";

    public static void main(String[] args) {
        forEachModel(args, AlignmentBenchmark::bench);
    }

    /** A model directory loaded as benchmarks run it: fp32, one ONNX Runtime thread. */
    public static ModelSlot<NllbModel> load(Path dir) {
        ModelSlot<NllbModel> slot = new ModelSlot<>("translation");
        slot.install(NllbModel.load(dir, ModelVariant.FP32, new OrtSettings(1, OrtSettings.DEFAULT.optLevel(), true)),
                Map.of(), Duration.ZERO);
        return slot;
    }

    /** The aligner as the server builds it (itermax, SimAlign's distortion). */
    public static NllbWordAligner aligner(ModelSlot<NllbModel> slot) {
        return new NllbWordAligner(slot, new SimAlign(Matching.ITERMAX, SimAlign.DEFAULT_DISTORTION));
    }

    /** One benchmark over one model directory. */
    public interface ModelBench {
        void run(Path dir, int rounds, int maxOutputTokens);
    }

    /** {@code ROUNDS [--max-output-tokens N] MODEL_DIR...}: runs the benchmark over each directory. */
    public static void forEachModel(String[] args, ModelBench bench) {
        int rounds = Integer.parseInt(args[0]);
        List<String> dirs = Arrays.asList(args).subList(1, args.length);
        int maxOutputTokens = 512;
        if (!dirs.isEmpty() && dirs.get(0).equals("--max-output-tokens")) {
            maxOutputTokens = Integer.parseInt(dirs.get(1));
            dirs = dirs.subList(2, dirs.size());
        }
        for (String dir : dirs) {
            bench.run(Path.of(dir), rounds, maxOutputTokens);
        }
    }

    private static void bench(Path dir, int rounds, int maxOutputTokens) {
        ModelSlot<NllbModel> slot = load(dir);
        try {
            NllbTranslationEngine engine = TestEngines.uncached(slot, EngineConfigs.of(1, maxOutputTokens, 400, 16));
            NllbWordAligner aligner = aligner(slot);
            // Warm-up (sessions' first runs allocate): once each, which also gives the figures' context.
            String translation = translate(engine);
            int links = aligner.align(PARAGRAPH, "eng_Latn", translation, "fra_Latn").size();
            long[] plain = new long[rounds];
            long[] tagged = new long[rounds];
            long[] alignOnly = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                translate(engine);
                plain[r] = System.nanoTime() - start;
                start = System.nanoTime();
                String translated = translate(engine);
                long aligning = System.nanoTime();
                aligner.align(PARAGRAPH, "eng_Latn", translated, "fra_Latn");
                tagged[r] = System.nanoTime() - start;
                alignOnly[r] = System.nanoTime() - aligning;
            }
            double plainMs = median(plain);
            double taggedMs = median(tagged);
            System.out.printf("%s: %d source chars, %d translated chars, %d links, %d rounds, output cap %d%n",
                    dir.getFileName(), PARAGRAPH.length(), translation.length(), links, rounds, maxOutputTokens);
            System.out.printf("  translate            median %8.2f ms%n", plainMs);
            System.out.printf("  translate + align    median %8.2f ms  (%.3f x, %+.1f %%)%n", taggedMs,
                    taggedMs / plainMs, 100 * (taggedMs / plainMs - 1));
            System.out.printf("  align alone          median %8.2f ms  (%.1f %% of translate)%n", median(alignOnly),
                    100 * median(alignOnly) / plainMs);
        } finally {
            slot.clear("benchmark done");
        }
    }

    private static String translate(NllbTranslationEngine engine) {
        List<String> out = List.of(PARAGRAPH);
        return engine.translate(out, "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT).get(0).text();
    }

    public static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
    }
}
