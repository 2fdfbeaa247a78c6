package dev.sema.fasttext;

import java.io.IOException;

/**
 * fastText's product quantiser: a vector of {@code dim} floats is split into {@code nsubq} sub-vectors of
 * {@code dsub} floats (the last one {@code lastdsub}), each replaced by one of 256 centroids (one byte).
 */
final class ProductQuantizer {

    private static final int KSUB = 256;

    private final int dim;
    private final int nsubq;
    private final int dsub;
    private final int lastdsub;
    private final float[] centroids;

    private ProductQuantizer(int dim, int nsubq, int dsub, int lastdsub, float[] centroids) {
        this.dim = dim;
        this.nsubq = nsubq;
        this.dsub = dsub;
        this.lastdsub = lastdsub;
        this.centroids = centroids;
    }

    static ProductQuantizer read(ModelReader in, int expectedDim) throws IOException {
        int dim = in.int32();
        int nsubq = in.int32();
        int dsub = in.int32();
        int lastdsub = in.int32();
        if (dim != expectedDim || nsubq <= 0 || dsub <= 0 || lastdsub <= 0 || lastdsub > dsub
                || (long) (nsubq - 1) * dsub + lastdsub != dim) {
            throw in.corrupt("product quantiser dim=" + dim + " nsubq=" + nsubq + " dsub=" + dsub + " lastdsub="
                    + lastdsub + " does not split a vector of " + expectedDim);
        }
        return new ProductQuantizer(dim, nsubq, dsub, lastdsub, in.floats((long) dim * KSUB));
    }

    int nsubq() {
        return nsubq;
    }

    /** Offset in {@code centroids} of centroid {@code code} of sub-quantiser {@code m}. */
    private int centroid(int m, int code) {
        return m == nsubq - 1 ? m * KSUB * dsub + code * lastdsub : (m * KSUB + code) * dsub;
    }

    float scalar(int code) {
        return centroids[centroid(0, code)];
    }

    /** {@code x += alpha * decode(codes[t])} ({@code ProductQuantizer::addcode}). */
    void addCode(float[] x, byte[] codes, int t, float alpha) {
        int base = nsubq * t;
        for (int m = 0; m < nsubq; m++) {
            int c = centroid(m, codes[base + m] & 0xFF);
            int d = m == nsubq - 1 ? lastdsub : dsub;
            for (int n = 0; n < d; n++) {
                x[m * dsub + n] += alpha * centroids[c + n];
            }
        }
    }

    /** {@code alpha * (x · decode(codes[t]))} ({@code ProductQuantizer::mulcode}). */
    float mulCode(float[] x, byte[] codes, int t, float alpha) {
        float res = 0f;
        int base = nsubq * t;
        for (int m = 0; m < nsubq; m++) {
            int c = centroid(m, codes[base + m] & 0xFF);
            int d = m == nsubq - 1 ? lastdsub : dsub;
            for (int n = 0; n < d; n++) {
                res += x[m * dsub + n] * centroids[c + n];
            }
        }
        return res * alpha;
    }
}
