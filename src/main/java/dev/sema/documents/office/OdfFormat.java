package dev.sema.documents.office;

import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.UnreadableDocumentException;

import java.util.List;

/**
 * OpenDocument files: a zip that starts with a stored {@code mimetype} entry naming the kind, the body in
 * {@code content.xml}, headers, footers and master pages in {@code styles.xml}. The paragraphs of both are
 * translated (a spreadsheet's formula and number cells excepted); a password-protected file is refused.
 */
abstract class OdfFormat extends PackageFormat {

    OdfFormat(ZipLimits limits) {
        super(limits);
    }

    @Override
    public boolean recognises(FileSample sample) {
        return ZipArchive.mimetype(sample.bytes()).filter(contentType()::equals).isPresent();
    }

    @Override
    void check(byte[] file, ZipArchive archive) {
        PackageProtection.refuseEncryptedOdf(archive);
        String mimetype = archive.bytes("mimetype").map(b -> new String(b, java.nio.charset.StandardCharsets.US_ASCII))
                .orElse("").strip();
        if (!mimetype.equals(contentType())) {
            throw new UnreadableDocumentException("the file is not an OpenDocument " + name() + " file");
        }
    }

    @Override
    List<String> textEntries(ZipArchive archive) {
        return entries(archive, "content\\.xml", "styles\\.xml");
    }

    @Override
    Dialect dialect() {
        return new OdfDialect();
    }

    @Override
    List<String> languageEntries(ZipArchive archive) {
        return entries(archive, "meta\\.xml");
    }

    @Override
    LanguageAttributes languages() {
        return LanguageAttributes::odf;
    }
}
