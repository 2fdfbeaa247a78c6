package dev.sema.markup;

import dev.sema.alignment.AlignmentBenchmark;
import dev.sema.alignment.NllbWordAligner;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import dev.sema.translation.EngineConfigs;
import dev.sema.translation.NllbTranslationEngine;
import dev.sema.translation.TestEngines;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationOutput;

import java.nio.file.Path;
import java.util.List;

/**
 * A tagged paragraph against the same text as plain text, for {@code scripts/bench-markup}: per model directory,
 * alternating in one run, the plain paragraph through the engine, and the same paragraph with inline tags
 * ({@code <b>}, {@code <a href>}, {@code <em>}; no translated attribute, which would be more text rather than
 * overhead) read as HTML, its sentence through the same engine, the tags
 * projected with {@link NllbWordAligner} and the result serialised: all that {@code tag_handling} adds, the
 * aligner's encoder pass included. Prints medians and the overhead.
 * {@code MarkupBenchmark ROUNDS [--max-output-tokens N] MODEL_DIR...}
 */
public final class MarkupBenchmark {

    static final String TAGGED = "<p>" + AlignmentBenchmark.PARAGRAPH
            .replace("Settings", "<b>Settings</b>")
            .replace("Security", "<a href=\"/security\">Security</a>")
            .replace("press Save", "press <em>Save</em>")
            .replace("support team", "<a href=\"/support\">support team</a>") + "</p>";

    public static void main(String[] args) {
        AlignmentBenchmark.forEachModel(args, MarkupBenchmark::bench);
    }

    private static void bench(Path dir, int rounds, int maxOutputTokens) {
        ModelSlot<NllbModel> slot = AlignmentBenchmark.load(dir);
        try {
            NllbTranslationEngine engine = TestEngines.uncached(slot, EngineConfigs.of(1, maxOutputTokens, 400, 16));
            NllbWordAligner aligner = AlignmentBenchmark.aligner(slot);
            String sample = tagged(engine, aligner);
            for (int i = 0; i < 3; i++) {
                plain(engine);
                tagged(engine, aligner);
            }
            long[] plain = new long[rounds];
            long[] tagged = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                plain(engine);
                plain[r] = System.nanoTime() - start;
                start = System.nanoTime();
                tagged(engine, aligner);
                tagged[r] = System.nanoTime() - start;
            }
            double plainMs = AlignmentBenchmark.median(plain);
            double taggedMs = AlignmentBenchmark.median(tagged);
            System.out.printf("%s: %d chars of text, %d of markup, %d rounds, output cap %d%n  output: %s%n",
                    dir.getFileName(), AlignmentBenchmark.PARAGRAPH.length(), TAGGED.length(), rounds,
                    maxOutputTokens, sample.length() > 300 ? sample.substring(0, 300) + "…" : sample);
            System.out.printf("  plain text   median %8.2f ms%n", plainMs);
            System.out.printf("  tagged HTML  median %8.2f ms  (%.3f x, %+.1f %%)%n", taggedMs, taggedMs / plainMs,
                    100 * (taggedMs / plainMs - 1));
        } finally {
            slot.clear("benchmark done");
        }
    }

    private static String plain(NllbTranslationEngine engine) {
        return engine.translate(List.of(AlignmentBenchmark.PARAGRAPH), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT).get(0).text();
    }

    /** What MarkupService does for one document, with the engine called directly as {@link #plain} calls it. */
    private static String tagged(NllbTranslationEngine engine, NllbWordAligner aligner) {
        MarkupDocument document = MarkupDocument.read("text", TAGGED, MarkupOptions.html());
        List<String> translations = engine.translate(document.texts(), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT).stream().map(TranslationOutput::text).map(String::strip).toList();
        return document.render(translations, (s, t) -> aligner.align(s, "eng_Latn", t, "fra_Latn"), "fr", false);
    }
}
