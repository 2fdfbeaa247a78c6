package dev.sema.glossary;

/** An entry found in a text: its source term spans {@code [start, end)} of the text (UTF-16 offsets). */
public record TermMatch(int start, int end, GlossaryEntry entry) {
}
