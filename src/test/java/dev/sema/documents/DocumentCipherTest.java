package dev.sema.documents;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the documents' storage relies on: sealed bytes open only with their key and context, and the KEK's sources. */
class DocumentCipherTest {

    private static final byte[] TEXT = "Habari ya asubuhi, rafiki yangu".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedBytesOpenOnlyWithTheirKeyAndContext() {
        byte[] key = DocumentCipher.newKey();
        byte[] sealed = DocumentCipher.seal(key, TEXT, "original:a");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Habari"));
        assertArrayEquals(TEXT, DocumentCipher.open(key, sealed, "original:a"));
        assertThrows(DocumentCipher.WrongKeyException.class,
                () -> DocumentCipher.open(DocumentCipher.newKey(), sealed, "original:a"));
        assertThrows(DocumentCipher.WrongKeyException.class, () -> DocumentCipher.open(key, sealed, "original:b"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(DocumentCipher.WrongKeyException.class, () -> DocumentCipher.open(key, sealed, "original:a"));
    }

    @Test
    void theSameTextSealsDifferentlyEachTime() {
        byte[] key = DocumentCipher.newKey();
        assertFalse(java.util.Arrays.equals(DocumentCipher.seal(key, TEXT, "x"), DocumentCipher.seal(key, TEXT, "x")));
    }

    @Test
    void aGeneratedKekIsKeptPrivatelyAndReused(@TempDir Path dir) throws Exception {
        KeyEncryptionKey first = KeyEncryptionKey.load(config(Optional.empty(), dir));
        Path file = dir.resolve(KeyEncryptionKey.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] key = DocumentCipher.newKey();
        byte[] wrapped = first.wrap(key, "doc");
        assertArrayEquals(key, KeyEncryptionKey.load(config(Optional.empty(), dir)).unwrap(wrapped, "doc"));
        assertThrows(DocumentCipher.WrongKeyException.class, () -> first.unwrap(wrapped, "other"));
    }

    @Test
    void aConfiguredKekWinsAndMustBe32Bytes(@TempDir Path dir) {
        String configured = Base64.getEncoder().encodeToString(DocumentCipher.newKey());
        KeyEncryptionKey kek = KeyEncryptionKey.load(config(Optional.of(configured), dir));
        assertFalse(Files.exists(dir.resolve(KeyEncryptionKey.FILE)));
        byte[] key = DocumentCipher.newKey();
        assertArrayEquals(key, KeyEncryptionKey.load(config(Optional.of(configured), dir))
                .unwrap(kek.wrap(key, "d"), "d"));
        assertThrows(IllegalStateException.class, () -> KeyEncryptionKey.load(config(Optional.of("c2hvcnQ="), dir)));
        assertThrows(IllegalStateException.class, () -> KeyEncryptionKey.load(config(Optional.of("not base64!"), dir)));
    }

    @Test
    void documentKeysRoundTripAndAWrongOneDoesNotMatch() {
        byte[] key = DocumentCipher.newKey();
        String encoded = DocumentKeys.encode(key);
        assertArrayEquals(key, DocumentKeys.decode(encoded).orElseThrow());
        assertTrue(DocumentKeys.matches(key, DocumentKeys.sha256(key)));
        assertFalse(DocumentKeys.matches(DocumentCipher.newKey(), DocumentKeys.sha256(key)));
        assertTrue(DocumentKeys.decode("short").isEmpty());
        assertTrue(DocumentKeys.decode(null).isEmpty());
        assertEquals("report.fra_Latn.srt", Documents.withLanguage("report.srt", "fra_Latn"));
        assertEquals("README.fra_Latn", Documents.withLanguage("README", "fra_Latn"));
    }

    private static DocumentsConfig config(Optional<String> kek, Path dir) {
        return new DocumentsConfig(1000, Duration.ofHours(1), true, 5, 100, Duration.ofSeconds(60), 1,
                Duration.ofMillis(500), kek, dir);
    }
}
