package dev.sema.documents.office;

import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.UnreadableDocumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * OpenDocument files: a zip that starts with a stored {@code mimetype} entry naming the kind, the body in
 * {@code content.xml}, headers, footers and master pages in {@code styles.xml}. The paragraphs of both are
 * translated (a spreadsheet's formula and number cells excepted); a password-protected file is refused.
 */
abstract class OdfFormat extends PackageFormat {

    /** @param kind the media type's last word: text, presentation, spreadsheet */
    OdfFormat(ZipLimits limits, String name, String kind) {
        super(limits, new PackageKind(name, "application/vnd.oasis.opendocument." + kind, new OdfDialect(),
                LanguageAttributes::odf, List.of("content\\.xml", "styles\\.xml"), List.of("meta\\.xml")));
    }

    @Override
    public boolean recognises(FileSample sample) {
        return ZipArchive.mimetype(sample.bytes()).filter(contentType()::equals).isPresent();
    }

    @Override
    void check(ZipArchive archive) {
        PackageProtection.refuseEncryptedOdf(archive);
        String mimetype = archive.bytes("mimetype").map(b -> new String(b, StandardCharsets.US_ASCII))
                .orElse("").strip();
        if (!mimetype.equals(contentType())) {
            throw new UnreadableDocumentException("the file is not an OpenDocument " + name() + " file");
        }
    }
}
