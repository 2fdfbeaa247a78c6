package dev.sema.testmodels;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Turns initializers into {@link TensorProto}s: inline raw data for small models, or streamed into one
 * external {@code <model>.onnx_data} file (Optimum's layout) for models past the 2 GB protobuf limit.
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

    TensorProto tensor(String name, long[] dims, Init init) {
        long count = 1;
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
            count *= d;
        }
        if (external == null || count * Float.BYTES <= INLINE_LIMIT_BYTES) {
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(count * Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
            init.generate(count, (values, n) -> {
                for (int i = 0; i < n; i++) {
                    bytes.putFloat(values[i]);
                }
            });
            return t.setRawData(ByteString.copyFrom(bytes.array())).build();
        }
        long start = offset;
        init.generate(count, this::append);
        flush();
        return t.setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", Long.toString(start)))
                .addExternalData(entry("length", Long.toString(offset - start)))
                .build();
    }

    private void append(float[] values, int n) {
        if (buffer.remaining() < n * Float.BYTES) {
            flush();
        }
        buffer.asFloatBuffer().put(values, 0, n);
        buffer.position(buffer.position() + n * Float.BYTES);
        offset += (long) n * Float.BYTES;
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
