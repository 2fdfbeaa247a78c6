package dev.sema.documents.office;

import java.util.List;

/**
 * What tells one office package format from another: its name and media type, the vocabulary of its text, where
 * that text lives and where its language is named.
 *
 * @param textEntries     patterns of the entries whose paragraphs are translated, in order (a pattern's first
 *                        group, when present, is the number entries are sorted by: slide2 before slide10)
 * @param languageEntries patterns of entries whose language attributes follow the target without holding text
 */
record PackageKind(String name, String contentType, Dialect dialect, LanguageAttributes languages,
                   List<String> textEntries, List<String> languageEntries) {
}
