package dev.sema.nllb;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies chosen rows (axis 0) of a tensor into a new one, whatever the element type (fp32, fp16, int64), by
 * moving raw bytes. This is how beam search and finished rows reshape the KV cache and encoder states: ORT
 * has no gather that keeps a value native without a graph, and a copy into a fresh direct buffer is one
 * {@code memcpy} per row.

 *
 * <p>Cost, measured on this project's 2-core build machine under heavy shared load (so upper bounds):
 * {@code RowGatherBenchmark} moves NLLB-600M-sized self-attention KV of 4 rows at 100 positions (24 tensors,
 * 37.5 MiB) in 40–65 ms, about 0.6–0.9 GiB/s, dominated by the two allocations and copies (out of ORT to the
 * heap, then into a new direct buffer). In {@code DecodeBenchmark} on the generated nllb-600m model (beam 4,
 * 30 steps) a reorder averaged 9–52 ms against 260–630 ms per decoder step, i.e. under 10% of decoding.
 * Cross-attention KV is gathered only when rows change source (see {@link NllbDecoderSession#reorder}).
 */
final class RowGather {

    private RowGather() {
    }

    /** Rows {@code rows} of {@code source}; the source stays open (its owner closes it). */
    static OnnxTensor gather(NativeTensors tensors, OnnxTensor source, int[] rows) {
        // One copy out of ORT. getBufferRef() would avoid it for tensors built from our own direct buffers, but
        // in ORT Java 1.20–1.23 it throws a NullPointerException on Result outputs, which hold no Java buffer.
        ByteBuffer bytes = source.getByteBuffer();
        return gather(tensors, bytes, source.getInfo().type, source.getInfo().getShape(), rows);
    }

    /** Rows {@code rows} of a row-major tensor of {@code shape} held as raw native-order {@code bytes}. */
    static OnnxTensor gather(NativeTensors tensors, ByteBuffer bytes, OnnxJavaType type, long[] shape, int[] rows) {
        int rowBytes = shape[0] == 0 ? 0 : Math.toIntExact(bytes.capacity() / shape[0]);
        ByteBuffer out = ByteBuffer.allocateDirect(Math.multiplyExact(rows.length, rowBytes)).order(ByteOrder.nativeOrder());
        for (int row : rows) {
            if (row < 0 || row >= shape[0]) {
                throw new IllegalArgumentException("Row " + row + " out of range [0, " + shape[0] + ")");
            }
            out.put(bytes.slice(row * rowBytes, rowBytes));
        }
        long[] gathered = shape.clone();
        gathered[0] = rows.length;
        return tensors.raw(out.rewind(), type, gathered);
    }
}
