package dev.sema.documents.format;

/**
 * One translatable part of a document: a paragraph, a cell, a cue, a segment. Inline formatting inside it (runs,
 * links, bold) is carried as markup, so the markup engine keeps it in place across the translation.
 *
 * @param content the part's text, or its markup when {@code kind} is HTML or XML
 * @param kind    how {@code content} is read and how its translation must come back
 */
public record DocumentPart(String content, PartKind kind) {
}
