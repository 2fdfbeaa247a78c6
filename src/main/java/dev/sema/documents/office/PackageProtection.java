package dev.sema.documents.office;

import dev.sema.documents.format.UnreadableDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Encrypted and password-protected office files. An encrypted OOXML file is not a zip at all but an OLE2 compound
 * file holding {@code EncryptionInfo} and {@code EncryptedPackage} (ECMA-376 part 2), which POI reads; an ODF
 * package keeps its zip shape and says in its manifest which entries are encrypted.
 */
final class PackageProtection {

    private static final String ENCRYPTED_PACKAGE = "EncryptedPackage";

    private PackageProtection() {
    }

    static boolean isOle2(byte[] file) {
        return FileMagic.valueOf(Arrays.copyOf(file, Math.min(file.length, 8))) == FileMagic.OLE2;
    }

    /** Whether the file is an encrypted OOXML package (a binary .doc/.xls/.ppt is OLE2 too, without this entry). */
    static boolean isEncryptedOoxml(byte[] file) {
        if (!isOle2(file)) {
            return false;
        }
        try (POIFSFileSystem ole = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            return ole.getRoot().hasEntryCaseInsensitive(ENCRYPTED_PACKAGE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @throws UnreadableDocumentException for any OLE2 file, saying whether it is protected or a legacy format */
    static void refuseOle2(byte[] file) {
        if (isEncryptedOoxml(file)) {
            throw new UnreadableDocumentException("the file is encrypted (password-protected); remove the password "
                    + "and upload it again");
        }
        if (isOle2(file)) {
            throw new UnreadableDocumentException("the file is a legacy binary Office file (.doc, .xls, .ppt) or "
                    + "corrupt; save it as .docx, .xlsx or .pptx");
        }
    }

    /** @throws UnreadableDocumentException when the ODF manifest lists encrypted entries */
    static void refuseEncryptedOdf(ZipArchive archive) {
        String manifest = "META-INF/manifest.xml";
        archive.bytes(manifest).ifPresent(bytes -> {
            var document = SafeXml.parse(manifest, bytes);
            String ns = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
            if (document.getElementsByTagNameNS(ns, "encryption-data").getLength() > 0) {
                throw new UnreadableDocumentException("the file is password-protected; remove the password and "
                        + "upload it again");
            }
        });
    }
}
