package dev.sema.fasttext;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sema.detection.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged copies of lid.176.ftz: every failure names the file and what is wrong with it. */
class ModelFileErrorsTest {

    /** Bytes at the end of lid.176.ftz taken by the qout flag and the dense 176 × 16 output matrix. */
    private static final int OUTPUT_BYTES = 1 + 16 + 176 * 16 * 4;

    @TempDir
    Path dir;
    private byte[] good;

    @BeforeEach
    void readModel() throws Exception {
        good = Files.readAllBytes(SharedData.lid176());
    }

    private void assertRejected(byte[] content, String... expected) throws Exception {
        Path file = Files.write(dir.resolve("damaged.ftz"), content);
        FastTextModelException e = assertThrows(FastTextModelException.class, () -> FastTextModel.load(file));
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), "says '" + part + "': " + e.getMessage());
        }
    }

    private byte[] withInt(int offset, int value) {
        byte[] copy = good.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.ftz");
        FastTextModelException e = assertThrows(FastTextModelException.class, () -> FastTextModel.load(file));
        assertTrue(e.getMessage().contains(file + ": file does not exist"), e.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        assertRejected(new byte[0], "truncated in header at byte 0");
    }

    @Test
    void badMagic() throws Exception {
        assertRejected("#!/bin/sh\necho not a model\n".getBytes(), "bad magic number", "not a fastText model");
    }

    @Test
    void unsupportedVersion() throws Exception {
        assertRejected(withInt(4, 13), "unsupported fastText format version 13");
    }

    @Test
    void wordVectorModel() throws Exception {
        assertRejected(withInt(8 + 7 * 4, 2), "model type 2 is not a supervised classifier");
    }

    @Test
    void inconsistentDictionary() throws Exception {
        assertRejected(withInt(64 + 8, 3), "inconsistent dictionary header", "nlabels=3");
    }

    @Test
    void truncatedInEachSection() throws Exception {
        assertRejected(Arrays.copyOf(good, 30), "truncated in arguments at byte 28");
        assertRejected(Arrays.copyOf(good, 5000), "truncated in dictionary");
        assertRejected(Arrays.copyOf(good, 600_000), "truncated in input matrix");
        assertRejected(Arrays.copyOf(good, good.length - OUTPUT_BYTES / 2), "truncated in output matrix");
    }

    @Test
    void trailingGarbage() throws Exception {
        assertRejected(Arrays.copyOf(good, good.length + 7), "7 unexpected bytes after the output matrix");
    }

    @Test
    void directoryInsteadOfFile() throws Exception {
        FastTextModelException e = assertThrows(FastTextModelException.class, () -> FastTextModel.load(dir));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
