package dev.sema.documents.format;

import java.util.List;

/**
 * A markup file translated as one part: the markup engine keeps every tag, translates text and attributes, and sets
 * the root's language.
 */
abstract class WholeMarkupFormat implements DocumentFormat {

    private final PartKind kind;

    WholeMarkupFormat(PartKind kind) {
        this.kind = kind;
    }

    @Override
    public List<DocumentPart> extract(byte[] file) {
        return List.of(new DocumentPart(TextFiles.require(file, name()), kind));
    }

    @Override
    public byte[] rebuild(byte[] file, List<String> translations, String targetTag) {
        TextFiles.requireCount(1, translations.size());
        return TextFiles.encode(translations.get(0), file);
    }
}
