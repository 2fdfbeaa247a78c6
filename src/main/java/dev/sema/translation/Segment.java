package dev.sema.translation;

/**
 * One piece of a client text: a sentence, or part of an overlong one.
 *
 * @param text         the content, without leading or trailing white space; never empty
 * @param separator    the exact white space that followed it in the input (spaces, line breaks, nothing)
 * @param translatable whether {@code text} contains a letter; punctuation, digits, symbols and emoji alone
 *                     are passed through unchanged
 */
public record Segment(String text, String separator, boolean translatable) {

    public Segment {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a segment has content");
        }
    }

    /** A segment whose translatability follows from its content. */
    static Segment of(String text, String separator) {
        return new Segment(text, separator, text.codePoints().anyMatch(Character::isLetter));
    }
}
