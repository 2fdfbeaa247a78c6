package dev.sema.models;

import dev.sema.models.hub.HubException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * The content identity of a local model folder ({@code sema.model-dir}), which has no Hub commit: replicas that
 * load equal copies of the files compute the same value (only names, sizes and bytes count, never paths or times),
 * and a change to any byte of any file gives another one, so a shared translation cache never serves one model's
 * output for another's.
 *
 * <p>Every byte is read, with CRC32C (hardware-assisted, 4-5 times faster than SHA-256 in the same JVM; see
 * docs/benchmarks.md), and the per-file name, size and checksum are combined with SHA-256. Sampling
 * only headers or a few blocks would be cheaper but would miss a fine-tuned export of the same architecture, which
 * has the same sizes and graph and differs only in weights. The read also fills the page cache that ONNX Runtime
 * reads the same files from right after. A changed file keeps its CRC32C with a chance of 2<sup>-32</sup>; the
 * file sizes and the other files' checksums are part of the identity too.
 */
final class ModelFingerprint {

    private static final int BUFFER = 1 << 20;

    private ModelFingerprint() {
    }

    /**
     * @param dir   the model folder
     * @param files paths relative to {@code dir}; those that do not exist (optional files) are left out
     * @return {@code local:} and 32 hex digits
     * @throws HubException LOCAL_MODEL_INVALID when a file cannot be read
     */
    static String of(Path dir, Collection<String> files) {
        MessageDigest combined = sha256();
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        for (String name : files.stream().sorted().toList()) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            CRC32C crc = new CRC32C();
            long size = 0;
            try (FileChannel channel = FileChannel.open(file)) {
                for (int read = channel.read(buffer); read >= 0; read = channel.read(buffer)) {
                    size += read;
                    buffer.flip();
                    crc.update(buffer);
                    buffer.clear();
                }
            } catch (IOException e) {
                throw new HubException(HubException.Reason.LOCAL_MODEL_INVALID, "sema.model-dir (SEMA_MODEL_DIR): "
                        + file + " cannot be read: " + e.getMessage());
            }
            combined.update((name + '\0' + size + '\0' + Long.toHexString(crc.getValue()) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return "local:" + HexFormat.of().formatHex(combined.digest(), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
