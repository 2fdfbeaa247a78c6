package dev.sema.testmodels;

import java.util.SplittableRandom;

/**
 * How an initializer's float values are produced, chunk by chunk in row-major order, so that a 1 GB
 * embedding can be streamed to disk without ever being held in memory. Values depend only on
 * (seed, tensor name), so the same weight written into two files is identical.
 */
@FunctionalInterface
interface Init {
    int CHUNK = 1 << 16;

    /** Emits exactly {@code count} values through {@code sink}, in order. */
    void generate(long count, Sink sink);

    @FunctionalInterface
    interface Sink {
        void accept(float[] values, int length);
    }

    /** Uniform values in {@code [centre - halfWidth, centre + halfWidth]}. */
    static Init uniform(long seed, String name, float centre, float halfWidth) {
        return seeded(seed, name, random -> centre + halfWidth * (float) (2 * random.nextDouble() - 1));
    }

    /**
     * Normal values with mean 0 and standard deviation {@code std}: bell-shaped like trained weights, whose
     * largest value, which sets a per-tensor 8-bit scale, lies several deviations out.
     */
    static Init normal(long seed, String name, float std) {
        return seeded(seed, name, random -> std * (float) random.nextGaussian());
    }

    /** One draw per value from a generator seeded by the seed and the tensor's name, streamed in chunks. */
    private static Init seeded(long seed, String name, Draw draw) {
        return (count, sink) -> {
            SplittableRandom random = new SplittableRandom(seed ^ fnv64(name));
            float[] chunk = new float[CHUNK];
            for (long done = 0; done < count; ) {
                int n = (int) Math.min(CHUNK, count - done);
                for (int i = 0; i < n; i++) {
                    chunk[i] = draw.next(random);
                }
                sink.accept(chunk, n);
                done += n;
            }
        };
    }

    /** One value drawn from the tensor's generator. */
    @FunctionalInterface
    interface Draw {
        float next(SplittableRandom random);
    }

    /**
     * M2M100's sinusoidal table: row p is [sin(p·f_0..f_{h-1}), cos(p·f_0..f_{h-1})], f_i = exp(-i·ln(10000)/(h-1)),
     * h = dim/2, with the padding row zeroed.
     */
    static Init sinusoidal(int dim, int paddingIdx) {
        return (count, sink) -> {
            int half = dim / 2;
            double step = Math.log(10000) / (half - 1);
            float[] row = new float[dim];
            for (long p = 0; p < count / dim; p++) {
                for (int i = 0; i < half; i++) {
                    double angle = p * Math.exp(-i * step);
                    row[i] = p == paddingIdx ? 0 : (float) Math.sin(angle);
                    row[half + i] = p == paddingIdx ? 0 : (float) Math.cos(angle);
                }
                sink.accept(row, dim);
            }
        };
    }

    /** The values 0, 1, 2, …: e.g. the vocabulary ids as floats. */
    static Init arange() {
        return (count, sink) -> {
            float[] chunk = new float[CHUNK];
            for (long done = 0; done < count; ) {
                int n = (int) Math.min(CHUNK, count - done);
                for (int i = 0; i < n; i++) {
                    chunk[i] = done + i;
                }
                sink.accept(chunk, n);
                done += n;
            }
        };
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
