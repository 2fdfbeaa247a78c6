package dev.sema.nllb;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost of {@code reorder} on NLLB-600M-sized self-attention KV (12 layers × key/value, each [rows, 16, len, 64]
 * fp32): {@code java -cp target/test-classes:target/classes:<deps> dev.sema.nllb.RowGatherBenchmark [rows] [len]}.
 * Prints milliseconds per reorder of all 24 tensors and the bytes moved.
 */
public final class RowGatherBenchmark {

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int len = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        NativeTensors tensors = new NativeTensors(OrtEnvironment.getEnvironment());
        long[] shape = {rows, 16, len, 64};
        int bytes = rows * 16 * len * 64 * Float.BYTES;
        List<OnnxTensor> kv = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ByteBuffer data = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            for (int f = 0; f < bytes / Float.BYTES; f++) {
                data.putFloat(f * Float.BYTES, f * 0.001f);
            }
            kv.add(tensors.raw(data, OnnxJavaType.FLOAT, shape));
        }
        int[] order = new int[rows];
        for (int r = 0; r < rows; r++) {
            order[r] = (r + 1) % rows;
        }
        for (int round = 0; round < 3; round++) {
            int repeats = 20;
            long start = System.nanoTime();
            for (int rep = 0; rep < repeats; rep++) {
                for (int i = 0; i < kv.size(); i++) {
                    OnnxTensor old = kv.get(i);
                    kv.set(i, RowGather.gather(tensors, old, order));
                    tensors.close(old);
                }
            }
            double ms = (System.nanoTime() - start) / 1e6 / repeats;
            double mb = 24.0 * bytes / (1 << 20);
            System.out.printf("rows %d len %d: %.2f ms per reorder of %.1f MiB (%.2f GiB/s)%n",
                    rows, len, ms, mb, mb / 1024 / (ms / 1000));
        }
        kv.forEach(tensors::close);
    }
}
