package dev.sema.fasttext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Sequential little-endian reader over a fastText file. Every read names the section it belongs to so that a
 * truncated or corrupt file fails with "truncated in <section> at byte N" instead of a bare EOF. Large float
 * blocks are memory-mapped rather than copied, which keeps a 1.2 GB {@code lid218e.bin} off the heap.
 */
final class ModelReader {

    /** Blocks above this size are mapped; smaller ones are copied because heap arrays are faster to scan. */
    private static final long MAP_THRESHOLD_BYTES = 16L << 20;
    private static final int WINDOW = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW).order(ByteOrder.LITTLE_ENDIAN);
    private long windowStart;
    private String section = "header";

    ModelReader(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
        window.limit(0);
    }

    long position() {
        return windowStart + window.position();
    }

    long size() {
        return size;
    }

    void section(String name) {
        section = name;
    }

    FastTextModelException corrupt(String problem) {
        return new FastTextModelException(file, problem + " (in " + section + " at byte " + position() + ")");
    }

    private void require(long bytes) throws IOException {
        if (window.remaining() >= bytes) {
            return;
        }
        checkAvailable(bytes);
        long pos = position();
        window.clear();
        windowStart = pos;
        while (window.position() < Math.min(WINDOW, size - pos)) {
            if (channel.read(window, pos + window.position()) < 0) {
                break;
            }
        }
        window.flip();
    }

    int int32() throws IOException {
        require(4);
        return window.getInt();
    }

    long int64() throws IOException {
        require(8);
        return window.getLong();
    }

    double float64() throws IOException {
        require(8);
        return window.getDouble();
    }

    boolean bool() throws IOException {
        require(1);
        byte b = window.get();
        if (b != 0 && b != 1) {
            throw corrupt("boolean flag is " + b + ", expected 0 or 1");
        }
        return b == 1;
    }

    byte int8() throws IOException {
        require(1);
        return window.get();
    }

    /** A NUL-terminated byte string, as fastText writes dictionary words. */
    byte[] cString() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        while (true) {
            if (window.remaining() == 0) {
                require(1);
            }
            byte b = window.get();
            if (b == 0) {
                return out.toByteArray();
            }
            out.write(b);
        }
    }

    byte[] bytes(long count) throws IOException {
        if (count < 0 || count > Integer.MAX_VALUE - 16) {
            throw corrupt("block of " + count + " bytes is out of range");
        }
        checkAvailable(count);
        byte[] out = new byte[(int) count];
        int done = 0;
        while (done < out.length) {
            require(Math.min(WINDOW, out.length - done));
            int n = Math.min(window.remaining(), out.length - done);
            window.get(out, done, n);
            done += n;
        }
        return out;
    }

    float[] floats(long count) throws IOException {
        if (count < 0 || count > (Integer.MAX_VALUE - 16) / 4) {
            throw corrupt("block of " + count + " floats is out of range");
        }
        ByteBuffer raw = ByteBuffer.wrap(bytes(count * 4)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[(int) count];
        raw.asFloatBuffer().get(out);
        return out;
    }

    /**
     * A row-major float block of {@code rows × cols}, split in chunks of whole rows (each under 2 GB, the limit
     * of one buffer). Mapped when large, copied when small. Advances past the block.
     */
    FloatBuffer[] floatRows(long rows, int cols, int rowsPerChunk) throws IOException {
        long bytes = rows * cols * 4L;
        checkAvailable(bytes);
        int chunks = (int) ((rows + rowsPerChunk - 1) / rowsPerChunk);
        FloatBuffer[] out = new FloatBuffer[chunks];
        long start = position();
        for (int c = 0; c < chunks; c++) {
            long chunkRows = Math.min(rowsPerChunk, rows - (long) c * rowsPerChunk);
            long offset = start + (long) c * rowsPerChunk * cols * 4L;
            out[c] = bytes > MAP_THRESHOLD_BYTES
                    ? channel.map(FileChannel.MapMode.READ_ONLY, offset, chunkRows * cols * 4L)
                            .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                    : FloatBuffer.wrap(floats(chunkRows * cols));
        }
        if (bytes > MAP_THRESHOLD_BYTES) {
            skip(bytes);
        }
        return out;
    }

    private void checkAvailable(long bytes) throws IOException {
        long pos = position();
        if (bytes > size - pos) {
            throw new FastTextModelException(file, "truncated in " + section + " at byte " + pos + ": needs "
                    + bytes + " more bytes, file has " + (size - pos));
        }
    }

    private void skip(long bytes) {
        long target = position() + bytes;
        window.clear().limit(0);
        windowStart = target;
    }
}
