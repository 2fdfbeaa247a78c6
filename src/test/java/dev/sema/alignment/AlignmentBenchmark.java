package dev.sema.alignment;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.ModelVariant;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.OrtSettings;
import dev.sema.translation.EngineConfigs;
import dev.sema.translation.NllbTranslationEngine;
import dev.sema.translation.TestEngines;
import dev.sema.translation.TranslatedSegment;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What word alignment adds to translating a paragraph, for {@code scripts/bench-align}: per model directory
 * given, the same paragraph translated (the engine's {@code translate}, cache off, greedy) and translated with
 * its source encoder states kept then aligned with them ({@link NllbWordAligner}: the tag-projection path's
 * extra work), alternating in one run so that load on the machine hits both alike, after one warm-up of each;
 * then, in the same round, the aligner once more without the engine's states (encoding source and translation,
 * as it did before it reused them). Prints medians, the ratio, and the aligner alone both ways.
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
            TranslationOutput warm = translate(engine, TranslationOptions.DEFAULT.withSourceStates());
            int links = aligner.align(PARAGRAPH, "eng_Latn", warm.text(), "fra_Latn", warm.segments()).size();
            aligner.align(PARAGRAPH, "eng_Latn", warm.text(), "fra_Latn", encodingsDropped(warm.segments()));
            long[] plain = new long[rounds];
            long[] tagged = new long[rounds];
            long[] alignOnly = new long[rounds];
            long[] alignEncodingBoth = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                translate(engine, TranslationOptions.DEFAULT);
                plain[r] = System.nanoTime() - start;
                start = System.nanoTime();
                TranslationOutput translated = translate(engine, TranslationOptions.DEFAULT.withSourceStates());
                long aligning = System.nanoTime();
                aligner.align(PARAGRAPH, "eng_Latn", translated.text(), "fra_Latn", translated.segments());
                tagged[r] = System.nanoTime() - start;
                alignOnly[r] = System.nanoTime() - aligning;
                start = System.nanoTime();
                aligner.align(PARAGRAPH, "eng_Latn", translated.text(), "fra_Latn",
                        encodingsDropped(translated.segments()));
                alignEncodingBoth[r] = System.nanoTime() - start;
            }
            double plainMs = median(plain);
            double taggedMs = median(tagged);
            System.out.printf("%s: %d source chars, %d translated chars in %d segments, %d links, %d rounds, "
                            + "output cap %d%n", dir.getFileName(), PARAGRAPH.length(), warm.text().length(),
                    warm.segments().size(), links, rounds, maxOutputTokens);
            System.out.printf("  translate                       median %8.2f ms%n", plainMs);
            System.out.printf("  translate (states kept) + align median %8.2f ms  (%.3f x, %+.1f %%)%n", taggedMs,
                    taggedMs / plainMs, 100 * (taggedMs / plainMs - 1));
            System.out.printf("  align alone, source states reused  median %8.2f ms  (%.1f %% of translate)%n",
                    median(alignOnly), 100 * median(alignOnly) / plainMs);
            System.out.printf("  align alone, encoding both sides   median %8.2f ms  (%.1f %% of translate)%n",
                    median(alignEncodingBoth), 100 * median(alignEncodingBoth) / plainMs);
        } finally {
            slot.clear("benchmark done");
        }
    }

    private static TranslationOutput translate(NllbTranslationEngine engine, TranslationOptions options) {
        return engine.translate(List.of(PARAGRAPH), "eng_Latn", "fra_Latn", options).get(0);
    }

    /** The same segments without the engine's states: what the aligner costs when it encodes both sides. */
    public static List<TranslatedSegment> encodingsDropped(List<TranslatedSegment> segments) {
        return segments.stream().map(s -> new TranslatedSegment(s.sourceStart(), s.sourceEnd(), s.targetStart(),
                s.targetEnd(), Optional.empty())).toList();
    }

    public static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
    }
}
