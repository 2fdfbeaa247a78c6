package dev.sema.markup;

import dev.sema.alignment.AlignmentBenchmark;
import dev.sema.alignment.NllbWordAligner;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import dev.sema.translation.EngineConfigs;
import dev.sema.translation.NllbTranslationEngine;
import dev.sema.translation.TestEngines;
import dev.sema.translation.TranslationJob;
import dev.sema.translation.TranslationOptions;
import dev.sema.translation.TranslationService;
import dev.sema.translation.WordAligner;

import java.nio.file.Path;
import java.util.List;

/**
 * A tagged paragraph against the same text as plain text, for {@code scripts/bench-markup}: per model directory,
 * alternating in one run, the plain paragraph through {@link TranslationService}, and the same paragraph with
 * inline tags ({@code <b>}, {@code <a href>}, {@code <em>}; no translated attribute, which would be more text
 * rather than overhead) through {@link MarkupService} on the same engine: read as HTML, its text translated with
 * the source encoder states kept, the tags projected with {@link NllbWordAligner} (which reuses those states and
 * encodes the translation) and the result serialised: all that {@code tag_handling} adds. In the same round, the
 * tagged paragraph once more with an aligner that drops the engine's states and encodes both sides, as it did
 * before it reused them. Prints medians and the overheads.
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
            LanguageCatalogue catalogue = new LanguageCatalogue();
            TranslationService translation = new TranslationService(engine, null, catalogue);
            NllbWordAligner aligner = AlignmentBenchmark.aligner(slot);
            MarkupService markup = new MarkupService(translation, null, catalogue, aligner);
            WordAligner encodingBoth = (source, sourceLanguage, target, targetLanguage, segments) -> aligner.align(
                    source, sourceLanguage, target, targetLanguage, AlignmentBenchmark.encodingsDropped(segments));
            MarkupService markupEncodingBoth = new MarkupService(translation, null, catalogue, encodingBoth);
            String sample = tagged(markup);
            // Warm-up: a tenth of the rounds, at least one (a round of the full-size model takes minutes here).
            for (int i = 0; i < Math.max(1, rounds / 10); i++) {
                plain(translation);
                tagged(markup);
                tagged(markupEncodingBoth);
            }
            long[] plain = new long[rounds];
            long[] tagged = new long[rounds];
            long[] taggedEncodingBoth = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                plain(translation);
                plain[r] = System.nanoTime() - start;
                start = System.nanoTime();
                tagged(markup);
                tagged[r] = System.nanoTime() - start;
                start = System.nanoTime();
                tagged(markupEncodingBoth);
                taggedEncodingBoth[r] = System.nanoTime() - start;
            }
            double plainMs = AlignmentBenchmark.median(plain);
            System.out.printf("%s: %d chars of text, %d of markup, %d rounds, output cap %d%n  output: %s%n",
                    dir.getFileName(), AlignmentBenchmark.PARAGRAPH.length(), TAGGED.length(), rounds,
                    maxOutputTokens, sample.length() > 300 ? sample.substring(0, 300) + "…" : sample);
            System.out.printf("  plain text                          median %8.2f ms%n", plainMs);
            print("tagged HTML, source states reused", AlignmentBenchmark.median(tagged), plainMs);
            print("tagged HTML, aligner encoding both", AlignmentBenchmark.median(taggedEncodingBoth), plainMs);
        } finally {
            slot.clear("benchmark done");
        }
    }

    private static void print(String what, double ms, double plainMs) {
        System.out.printf("  %-35s median %8.2f ms  (%.3f x, %+.1f %%)%n", what, ms, ms / plainMs,
                100 * (ms / plainMs - 1));
    }

    private static String plain(TranslationService translation) {
        return translation.translate(new TranslationJob(List.of(AlignmentBenchmark.PARAGRAPH), "eng_Latn", "fra_Latn",
                TranslationOptions.DEFAULT)).translations().get(0).text();
    }

    /** What a {@code tag_handling=html} request does below the HTTP edge. */
    private static String tagged(MarkupService markup) {
        MarkupDocument document = MarkupDocument.read("text", TAGGED, MarkupOptions.html());
        return markup.translate(List.of(document), "eng_Latn", "fra_Latn", TranslationOptions.DEFAULT)
                .translations().get(0).text();
    }
}
