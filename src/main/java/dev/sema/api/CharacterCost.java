package dev.sema.api;

/**
 * A request body whose texts count against an API key's character quota. {@link ApiKeyFilter} reserves this many
 * characters once the body is read, before the resource runs.
 */
public interface CharacterCost {

    /** Unicode code points of the source texts, surrounding whitespace removed (as translation counts them). */
    long characterCost();

    static long codePoints(String text) {
        if (text == null) {
            return 0;
        }
        String stripped = text.strip();
        return stripped.codePointCount(0, stripped.length());
    }
}
