package dev.sema.testmodels;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.UnsafeByteOperations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Turns initializers into {@link TensorProto}s (float32, or 8-bit for the quantized files): inline raw data for
 * small models, or streamed into one external {@code <model>.onnx_data} file (Optimum's layout) for models past the
 * 2 GB protobuf limit.
 */
final class TensorStore implements AutoCloseable {
    private static final int INLINE_LIMIT_BYTES = 1024;

    private final FileChannel external;
    private final String location;
    private final ByteBuffer buffer;
    private long offset;

    private TensorStore(FileChannel external, String location) {
        this.external = external;
        this.location = location;
        this.buffer = external == null ? null : ByteBuffer.allocate(Init.CHUNK * 64).order(ByteOrder.LITTLE_ENDIAN);
    }

    static TensorStore inline() {
        return new TensorStore(null, null);
    }

    /** Writes large tensors to {@code dataFile}, referenced by its file name (relative to the model). */
    static TensorStore external(Path dataFile) throws IOException {
        return new TensorStore(FileChannel.open(dataFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), dataFile.getFileName().toString());
    }

    /** The float32 values of {@code init}. */
    TensorProto tensor(String name, long[] dims, Init init) {
        return write(name, TensorProto.DataType.FLOAT, dims, Float.BYTES, init, (values, n, out) -> {
            out.asFloatBuffer().put(values, 0, n);
            out.position(out.position() + n * Float.BYTES);
        });
    }

    /** The 8-bit image of {@code init}'s values under {@code q} (int8 or uint8, one byte per value). */
    TensorProto quantized(String name, long[] dims, Init init, QuantParams q) {
        return write(name, q.type(), dims, 1, init, (values, n, out) -> {
            for (int i = 0; i < n; i++) {
                out.put(q.quantize(values[i]));
            }
        });
    }

    @FunctionalInterface
    private interface Encoder {
        void put(float[] values, int n, ByteBuffer out);
    }

    private TensorProto write(String name, TensorProto.DataType type, long[] dims, int bytesPerValue, Init init,
                              Encoder encoder) {
        long count = 1;
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : dims) {
            t.addDims(d);
            count *= d;
        }
        if (external == null || count * bytesPerValue <= INLINE_LIMIT_BYTES) {
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(count * bytesPerValue))
                    .order(ByteOrder.LITTLE_ENDIAN);
            init.generate(count, (values, n) -> encoder.put(values, n, bytes));
            // Wrapped, not copied: an inline 600M-sized 8-bit embedding is 262 MB.
            return t.setRawData(UnsafeByteOperations.unsafeWrap(bytes.array())).build();
        }
        long start = offset;
        init.generate(count, (values, n) -> {
            if (buffer.remaining() < n * bytesPerValue) {
                flush();
            }
            encoder.put(values, n, buffer);
            offset += (long) n * bytesPerValue;
        });
        flush();
        return t.setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", Long.toString(start)))
                .addExternalData(entry("length", Long.toString(offset - start)))
                .build();
    }

    private void flush() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                external.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    @Override
    public void close() throws IOException {
        if (external != null) {
            external.close();
        }
    }
}
