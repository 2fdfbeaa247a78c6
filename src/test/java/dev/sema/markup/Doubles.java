package dev.sema.markup;

import dev.sema.translation.AlignmentLink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Engine and aligner doubles for projection tests: an echo engine with the identity aligner, and an engine that
 * reverses the order of words with the aligner that links each word to its reversed place (the two a real
 * pair of model and aligner must agree on: what the engine did, the aligner reports).
 */
final class Doubles {

    static final UnaryOperator<String> ECHO = s -> s;

    /** Shows what was translated: upper case, words in their order (pairs with {@link #IN_ORDER}). */
    static final UnaryOperator<String> UPPER = s -> s.toUpperCase(java.util.Locale.ROOT);

    /** Reverses the order of the words (as projection counts them: each Han character one), space-separated. */
    static final UnaryOperator<String> REVERSE_WORDS = s -> {
        List<String> words = new ArrayList<>(ranges(s).stream().map(r -> s.substring(r[0], r[1])).toList());
        Collections.reverse(words);
        return String.join(" ", words);
    };

    static final MarkupDocument.Alignment NO_LINKS = (s, t) -> List.of();

    /** Links the i-th word of the source to the i-th of the translation. */
    static final MarkupDocument.Alignment IN_ORDER = (s, t) -> byIndex(s, t, false);

    /** Links the i-th word of the source to the i-th from the end of the translation. */
    static final MarkupDocument.Alignment REVERSED = (s, t) -> byIndex(s, t, true);

    private Doubles() {
    }

    private static List<AlignmentLink> byIndex(String source, String target, boolean reversed) {
        List<int[]> s = ranges(source);
        List<int[]> t = ranges(target);
        List<AlignmentLink> links = new ArrayList<>();
        for (int i = 0; i < Math.min(s.size(), t.size()); i++) {
            int[] a = s.get(i);
            int[] b = t.get(reversed ? t.size() - 1 - i : i);
            links.add(new AlignmentLink(a[0], a[1], b[0], b[1]));
        }
        return links;
    }

    /** Words as projection counts them (each Han character one), so links are as fine as a real aligner's. */
    private static List<int[]> ranges(String text) {
        Words words = Words.of(text);
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < words.count(); i++) {
            ranges.add(new int[]{words.start(i), words.end(i)});
        }
        return ranges;
    }

    /** Reads, translates every text with {@code engine}, projects with {@code aligner} and serialises. */
    static String translate(String markup, MarkupOptions options, UnaryOperator<String> engine,
                            MarkupDocument.Alignment aligner, String tag, boolean rtl) {
        MarkupDocument document = MarkupDocument.read("text", markup, options);
        return document.render(document.texts().stream().map(engine).toList(), aligner, tag, rtl);
    }

    static String html(String markup, UnaryOperator<String> engine, MarkupDocument.Alignment aligner) {
        return translate(markup, MarkupOptions.html(), engine, aligner, "fr", false);
    }
}
