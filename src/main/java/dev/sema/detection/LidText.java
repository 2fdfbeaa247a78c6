package dev.sema.detection;

import java.util.Locale;

/**
 * Client text → one fastText input line. fastText reads a line up to its first {@code '\n'} and splits tokens on
 * ASCII whitespace and NUL, so line breaks become spaces (a multi-line paragraph is classified whole, not just
 * its first line) and surrounding whitespace is dropped. Lower-casing is optional: measured, not assumed.
 */
public final class LidText {

    private LidText() {
    }

    public static String normalise(String text, boolean lowercase) {
        String line = text.replace('\n', ' ').replace('\r', ' ').strip();
        return lowercase ? line.toLowerCase(Locale.ROOT) : line;
    }
}
