package dev.sema.translation;

import com.ibm.icu.lang.UCharacter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A text cut into segments such that {@code leading + Σ (segment.text + segment.separator)} is the input,
 * character for character: translating each segment and re-joining keeps paragraph breaks, indentation
 * and the spacing between sentences exactly as the client sent them.
 *
 * @param leading  white space before the first segment (or the whole text when it has no content)
 * @param segments the pieces, in order
 */
public record SegmentedText(String leading, List<Segment> segments) {

    public SegmentedText {
        segments = List.copyOf(segments);
    }

    /**
     * Cuts {@code text} at the given positions and moves the white space around every piece into the
     * separators, so that no segment starts or ends with white space and pieces of white space alone vanish.
     *
     * @param cuts strictly increasing positions inside {@code text} (UTF-16 indices on code point boundaries)
     */
    static SegmentedText cut(String text, List<Integer> cuts) {
        StringBuilder leading = new StringBuilder();
        List<String> contents = new ArrayList<>();
        List<StringBuilder> separators = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            int end = i < cuts.size() ? cuts.get(i) : text.length();
            int contentStart = skipWhiteSpace(text, start, end);
            int contentEnd = contentEnd(text, contentStart, end);
            StringBuilder before = separators.isEmpty() ? leading : separators.get(separators.size() - 1);
            before.append(text, start, contentStart);
            if (contentStart < end) {
                contents.add(text.substring(contentStart, contentEnd));
                separators.add(new StringBuilder(text.substring(contentEnd, end)));
            }
            start = end;
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            segments.add(Segment.of(contents.get(i), separators.get(i).toString()));
        }
        return new SegmentedText(leading.toString(), segments);
    }

    /** The text with every translatable segment replaced by {@code translate(segment.text)}. */
    public String join(UnaryOperator<String> translate) {
        StringBuilder joined = new StringBuilder(leading);
        for (Segment segment : segments) {
            joined.append(segment.translatable() ? translate.apply(segment.text()) : segment.text());
            joined.append(segment.separator());
        }
        return joined.toString();
    }

    /**
     * Where each translatable segment and its translation lie in this text and in {@link #join}'s result.
     *
     * @param translations the translation of each translatable segment, in order
     * @param encodings    a segment's encoding by its text, or null when there is none
     */
    List<TranslatedSegment> trace(List<String> translations, Function<String, SourceEncoding> encodings) {
        List<TranslatedSegment> traced = new ArrayList<>();
        int source = leading.length();
        int target = leading.length();
        for (Segment segment : segments) {
            int length = segment.text().length();
            if (segment.translatable()) {
                String translation = translations.get(traced.size());
                traced.add(new TranslatedSegment(source, source + length, target, target + translation.length(),
                        Optional.ofNullable(encodings.apply(segment.text()))));
                target += translation.length();
            } else {
                target += length;
            }
            source += length + segment.separator().length();
            target += segment.separator().length();
        }
        return List.copyOf(traced);
    }

    /** The original text. */
    public String original() {
        return join(UnaryOperator.identity());
    }

    /** {@code text} without leading and trailing Unicode white space (NBSP and ideographic space included). */
    static String stripWhiteSpace(String text) {
        int start = skipWhiteSpace(text, 0, text.length());
        return text.substring(start, contentEnd(text, start, text.length()));
    }

    /** Unicode White_Space, which unlike {@link Character#isWhitespace} includes no-break spaces. */
    static boolean isWhiteSpace(int codePoint) {
        return UCharacter.isUWhiteSpace(codePoint);
    }

    private static int skipWhiteSpace(String text, int from, int end) {
        int i = from;
        while (i < end && isWhiteSpace(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    private static int contentEnd(String text, int contentStart, int end) {
        int i = end;
        while (i > contentStart && isWhiteSpace(text.codePointBefore(i))) {
            i -= Character.charCount(text.codePointBefore(i));
        }
        return i;
    }
}
