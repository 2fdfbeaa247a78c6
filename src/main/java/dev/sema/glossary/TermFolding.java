package dev.sema.glossary;

/**
 * Case-insensitive comparison that keeps offsets: each code point is folded on its own (upper then lower, so
 * Σ/σ/ς and K/k/K meet), never changing the number of chars, so a match in the folded text is the same span of
 * the original. Full folding (ß → ss) would shift offsets and is left out on purpose.
 */
final class TermFolding {

    private TermFolding() {
    }

    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int f = Character.toLowerCase(Character.toUpperCase(cp));
            folded.appendCodePoint(Character.charCount(f) == Character.charCount(cp) ? f : cp);
        });
        return folded.toString();
    }
}
