package dev.sema.nllb;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the native tensors of one model and counts those alive, so tests (and a leak check) can prove that
 * every tensor created or adopted from a {@code Result} was closed. Owners ({@link TensorScope},
 * {@link KvCache}, {@link EncoderStates}) close through {@link #close} to keep the count honest.
 *
 * <p>Inputs are built on direct native-order buffers, which ONNX Runtime wraps without copying. The Java
 * buffer then backs the native tensor, so its memory is returned when the GC collects the buffer, not on
 * {@code close}; that is why the row-gathering code reuses buffers only through the tensor that owns them.
 */
final class NativeTensors {

    private final OrtEnvironment env;
    private final AtomicInteger live = new AtomicInteger();

    NativeTensors(OrtEnvironment env) {
        this.env = env;
    }

    /** An int64 tensor of {@code shape} holding {@code values} row-major. */
    OnnxTensor longs(long[] values, long... shape) {
        LongBuffer buffer = ByteBuffer.allocateDirect(values.length * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
        buffer.put(values).rewind();
        return created(() -> OnnxTensor.createTensor(env, buffer, shape));
    }

    /** A tensor over raw native-order bytes of element {@code type}; a direct buffer is wrapped, not copied. */
    OnnxTensor raw(ByteBuffer bytes, OnnxJavaType type, long... shape) {
        return created(() -> OnnxTensor.createTensor(env, bytes, shape, type));
    }

    /**
     * A tensor with a zero-length axis (the past of the first decoder step). ORT Java (1.20–1.23) accepts those only
     * through the buffer overloads; the array overloads reject zero-length arrays.
     */
    OnnxTensor empty(OnnxJavaType type, long... shape) {
        return raw(ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder()), type, shape);
    }

    /** A bool tensor of shape [1] ({@code use_cache_branch}). */
    OnnxTensor flag(boolean value) {
        return created(() -> OnnxTensor.createTensor(env, new boolean[]{value}));
    }

    /** Starts counting an output tensor taken out of a {@code Result}. */
    OnnxTensor adopt(OnnxTensor tensor) {
        live.incrementAndGet();
        return tensor;
    }

    void close(OnnxTensor tensor) {
        tensor.close();
        live.decrementAndGet();
    }

    /** Tensors created or adopted and not yet closed. */
    int live() {
        return live.get();
    }

    private OnnxTensor created(TensorSupplier supplier) {
        try {
            OnnxTensor tensor = supplier.get();
            live.incrementAndGet();
            return tensor;
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot create an ONNX Runtime tensor: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface TensorSupplier {
        OnnxTensor get() throws OrtException;
    }
}
