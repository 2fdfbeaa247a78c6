package dev.sema.models;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What {@link ModelFingerprint} adds to loading a local model, against a SHA-256 of the same bytes:
 * {@code java -cp target/test-classes:target/classes:<deps> dev.sema.models.FingerprintBenchmark [MB]} writes a
 * file of random bytes of that size (default 900, the int8 NLLB-600M's two ONNX files) into a temporary folder,
 * reads it three times each way (page cache warm after the first) and deletes it.
 */
public final class FingerprintBenchmark {

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 900;
        Path dir = Files.createTempDirectory("sema-fingerprint");
        Path file = dir.resolve("model.onnx");
        try {
            byte[] block = new byte[1 << 20];
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (int i = 0; i < megabytes; i++) {
                    ThreadLocalRandom.current().nextBytes(block);
                    out.write(ByteBuffer.wrap(block));
                }
            }
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                ModelFingerprint.of(dir, List.of("model.onnx"));
                double fingerprint = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
                try (FileChannel in = FileChannel.open(file)) {
                    while (in.read(buffer) >= 0) {
                        buffer.flip();
                        sha.update(buffer);
                        buffer.clear();
                    }
                }
                sha.digest();
                double sha256 = (System.nanoTime() - start) / 1e9;
                System.out.printf("%d MB: fingerprint (CRC32C) %.2f s (%.0f MB/s), SHA-256 %.2f s (%.0f MB/s)%n",
                        megabytes, fingerprint, megabytes / fingerprint, sha256, megabytes / sha256);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
