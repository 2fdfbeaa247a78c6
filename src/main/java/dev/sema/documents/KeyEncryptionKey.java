package dev.sema.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The key the replicas share for wrapping documents' keys while their jobs wait or run: {@code SEMA_DOCUMENT_KEK}, or
 * else one generated once in {@code SEMA_DATA_DIR/document-kek} (readable by the server's user only), which serves a
 * single server or replicas that share that folder. It never leaves this class.
 */
public final class KeyEncryptionKey {

    private static final Logger LOG = Logger.getLogger(KeyEncryptionKey.class.getName());
    static final String FILE = "document-kek";

    private final byte[] key;

    private KeyEncryptionKey(byte[] key) {
        if (key.length != DocumentCipher.KEY_BYTES) {
            throw new IllegalStateException("the document key-encryption key must be base64 of "
                    + DocumentCipher.KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    /** @throws IllegalStateException when the configured key is not base64 of 32 bytes */
    public static KeyEncryptionKey load(DocumentsConfig config) {
        if (config.kek().isPresent()) {
            try {
                return new KeyEncryptionKey(Base64.getDecoder().decode(config.kek().get().strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("SEMA_DOCUMENT_KEK is not base64", e);
            }
        }
        return fromFile(config.dataDir().resolve(FILE));
    }

    private static KeyEncryptionKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = DocumentCipher.newKey();
                try {
                    Files.write(file, Base64.getEncoder().encode(fresh), StandardOpenOption.CREATE_NEW);
                    restrict(file);
                    LOG.info("generated the document key-encryption key in " + file
                            + " (set SEMA_DOCUMENT_KEK to share one among replicas)");
                } catch (FileAlreadyExistsException e) {
                    // another server sharing the folder wrote it first: read theirs below
                }
            }
            return new KeyEncryptionKey(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    byte[] wrap(byte[] documentKey, String documentId) {
        return DocumentCipher.seal(key, documentKey, "kek:" + documentId);
    }

    byte[] unwrap(byte[] wrapped, String documentId) {
        return DocumentCipher.open(key, wrapped, "kek:" + documentId);
    }
}
