package dev.sema.documents.format;

/** How a part's content is translated: as plain text, or as markup whose tags are kept ({@code tag_handling}). */
public enum PartKind {
    TEXT,
    HTML,
    XML
}
