package dev.sema.translation;

import com.ibm.icu.util.IllformedLocaleException;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cuts client text into pieces NLLB translates well: lines (never joined), then ICU sentences, and any
 * sentence above the token budget at clause punctuation, then at word boundaries, then between
 * characters. NLLB was trained on sequences of at most 512 tokens and degrades beyond (model card); servers
 * such as EasyNMT and Argos split the same way. Thread-safe.
 *
 * <p>Joining the segments with their separators gives back the input exactly ({@link SegmentedText}).
 */
public final class Segmenter {

    private static final Map<String, String> ISO_639_2_TO_1 = Stream.of(Locale.getISOLanguages())
            .filter(code -> iso3(code) != null)
            .collect(Collectors.toMap(Segmenter::iso3, code -> code, (first, second) -> first));

    private final ToIntFunction<String> tokenCounter;
    private final int maxTokens;

    /**
     * @param tokenCounter tokens the model would see for a piece of text (count the language tag and EOS
     *                     too if the budget is meant to include them)
     * @param maxTokens    the budget per segment, ≥ 1
     */
    public Segmenter(ToIntFunction<String> tokenCounter, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("token budget must be ≥ 1: " + maxTokens);
        }
        this.tokenCounter = tokenCounter;
        this.maxTokens = maxTokens;
    }

    /** Segments {@code text} written in the FLORES-200 language {@code floresCode} (e.g. {@code tha_Thai}). */
    public SegmentedText segment(String text, String floresCode) {
        return segment(text, localeOf(floresCode));
    }

    /** Segments {@code text} with the sentence and word rules of {@code locale}. */
    public SegmentedText segment(String text, ULocale locale) {
        TreeSet<Integer> cuts = new TreeSet<>();
        int lineStart = 0;
        List<Integer> lineEnds = new ArrayList<>(SegmentBoundaries.lineEnds(text));
        lineEnds.add(text.length());
        for (int lineEnd : lineEnds) {
            int sentenceStart = lineStart;
            List<Integer> sentenceEnds = new ArrayList<>(SegmentBoundaries.sentences(text, lineStart, lineEnd, locale));
            sentenceEnds.add(lineEnd);
            for (int sentenceEnd : sentenceEnds) {
                cuts.addAll(fit(text, sentenceStart, sentenceEnd, Level.CLAUSE, locale));
                cuts.add(sentenceEnd);
                sentenceStart = sentenceEnd;
            }
            lineStart = lineEnd;
        }
        cuts.remove(0);
        cuts.remove(text.length());
        return SegmentedText.cut(text, List.copyOf(cuts));
    }

    /** Finer and finer cut candidates for a span above the budget. */
    private enum Level { CLAUSE, WORD, GRAPHEME }

    /**
     * Cuts inside {@code [start, end)} that keep every piece within the budget: as few as possible at this
     * level, packing consecutive units greedily; a unit too long alone is cut at the next finer level.
     * A single grapheme over the budget stays whole.
     */
    private List<Integer> fit(String text, int start, int end, Level level, ULocale locale) {
        if (fits(text, start, end)) {
            return List.of();
        }
        List<Integer> candidates = switch (level) {
            case CLAUSE -> SegmentBoundaries.clauses(text, start, end);
            case WORD -> SegmentBoundaries.words(text, start, end, locale);
            case GRAPHEME -> SegmentBoundaries.graphemes(text, start, end, locale);
        };
        List<Integer> cuts = new ArrayList<>();
        int chunkStart = start;
        int lastFit = start;
        for (int i = 0; i <= candidates.size(); i++) {
            int boundary = i < candidates.size() ? candidates.get(i) : end;
            if (fits(text, chunkStart, boundary)) {
                lastFit = boundary;
            } else if (lastFit > chunkStart) {
                cuts.add(lastFit);
                chunkStart = lastFit;
                i--; // the same unit again, now from the new chunk start
            } else {
                if (level != Level.GRAPHEME) {
                    cuts.addAll(fit(text, chunkStart, boundary, Level.values()[level.ordinal() + 1], locale));
                }
                if (boundary < end) {
                    cuts.add(boundary);
                }
                chunkStart = boundary;
                lastFit = boundary;
            }
        }
        return cuts;
    }

    private boolean fits(String text, int start, int end) {
        String content = SegmentedText.stripWhiteSpace(text.substring(start, end));
        return content.isEmpty() || tokenCounter.applyAsInt(content) <= maxTokens;
    }

    /**
     * The ICU locale for a FLORES-200 code: ISO 639-3 language (mapped to 639-1 where one exists, so ICU
     * finds its data) and script, with the standard sentence-break suppressions ({@code ss=standard}: no
     * break after "Mr." in English). Unknown languages get the root rules, which are script-aware anyway.
     */
    static ULocale localeOf(String floresCode) {
        String[] parts = floresCode == null ? new String[0] : floresCode.split("_", 2);
        ULocale.Builder builder = new ULocale.Builder();
        try {
            if (parts.length == 2) {
                builder.setLanguage(ISO_639_2_TO_1.getOrDefault(parts[0], parts[0])).setScript(parts[1]);
            }
        } catch (IllformedLocaleException e) {
            builder.clear();
        }
        return builder.build().setKeywordValue("ss", "standard");
    }

    private static String iso3(String iso2) {
        try {
            return Locale.forLanguageTag(iso2).getISO3Language();
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
