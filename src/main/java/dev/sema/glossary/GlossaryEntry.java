package dev.sema.glossary;

/** One term pair: {@code source} in the text is translated as {@code target}, verbatim. */
public record GlossaryEntry(String source, String target) {
}
