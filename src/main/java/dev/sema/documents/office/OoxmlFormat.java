package dev.sema.documents.office;

import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.UnreadableDocumentException;

import java.util.Locale;

/**
 * Word, PowerPoint and Excel files (Office Open XML): a zip with {@code [Content_Types].xml} and the text under a
 * folder of its own ({@code word/}, {@code ppt/}, {@code xl/}). An encrypted one is an OLE2 file, told apart only by
 * its name's extension; it is recognised so that extraction can say it is password-protected.
 */
abstract class OoxmlFormat extends PackageFormat {

    private final String folder;

    OoxmlFormat(ZipLimits limits, String folder, PackageKind kind) {
        super(limits, kind);
        this.folder = folder;
    }

    /** Whether an encrypted file without a telling name is taken as this format's (one format claims them). */
    boolean claimsUnnamedEncrypted() {
        return false;
    }

    @Override
    public boolean recognises(FileSample sample) {
        byte[] bytes = sample.bytes();
        if (PackageProtection.isEncryptedOoxml(bytes)) {
            String name = sample.fileName() == null ? "" : sample.fileName().toLowerCase(Locale.ROOT);
            boolean otherName = name.endsWith(".docx") || name.endsWith(".pptx") || name.endsWith(".xlsx");
            return name.endsWith("." + name()) || !otherName && claimsUnnamedEncrypted();
        }
        return ZipArchive.looksLikeZip(bytes) && ZipArchive.anyLeadingName(bytes, limits(), n -> n.startsWith(folder));
    }

    @Override
    void check(ZipArchive archive) {
        if (!archive.has("[Content_Types].xml")) {
            throw new UnreadableDocumentException("the file is not an Office Open XML package "
                    + "([Content_Types].xml is missing)");
        }
    }
}
