package dev.sema.documents.format;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Plain UTF-8 text: one part per paragraph (blank lines between them kept exactly). Any text no other format takes. */
@ApplicationScoped
public class TextFormat implements DocumentFormat {

    @Override
    public String name() {
        return "txt";
    }

    @Override
    public String contentType() {
        return "text/plain; charset=UTF-8";
    }

    /** Takes any text that no more specific format recognises. */
    @Override
    public int generality() {
        return 2;
    }

    @Override
    public boolean recognises(FileSample sample) {
        return TextFiles.decode(sample.bytes()).isPresent();
    }

    @Override
    public List<DocumentPart> extract(byte[] file) {
        return Paragraphs.of(TextFiles.require(file, name())).paragraphs().stream()
                .map(p -> new DocumentPart(p, PartKind.TEXT)).toList();
    }

    @Override
    public byte[] rebuild(byte[] file, List<String> translations, String targetTag) {
        Paragraphs paragraphs = Paragraphs.of(TextFiles.require(file, name()));
        TextFiles.requireCount(paragraphs.paragraphs().size(), translations.size());
        return TextFiles.encode(paragraphs.join(translations), file);
    }
}
