package dev.sema.alignment;

/**
 * How alike each source token's vector is to each target token's, as SimAlign scores it: cosine similarity
 * mapped to {@code [0, 1]} ({@code (cos + 1) / 2}), times its distortion factor
 * {@code 1 − κ·(i/(m−1) − j/(n−1))²}, which prefers links near the diagonal by the tokens' relative positions.
 * The factor decides between tokens the encoder cannot tell apart (repeated words, and the echo test model,
 * whose vectors all point the same way) without overruling clear evidence: at the default κ a token at the
 * far end scores half, one a fifth of the sentence away 2% less. Sums run in double, so equal vectors give
 * equal scores whatever the order of addition would do in float.
 */
final class SimilarityMatrix {

    private SimilarityMatrix() {
    }

    /**
     * @param source     m vectors, each of the same width as the target's
     * @param target     n vectors
     * @param distortion κ; 0 turns the positional preference off (it is off anyway when m or n is 1)
     * @return scores [m][n]
     */
    static double[][] of(float[][] source, float[][] target, double distortion) {
        double[] sourceNorms = norms(source);
        double[] targetNorms = norms(target);
        int m = source.length;
        int n = target.length;
        boolean distort = distortion != 0 && m > 1 && n > 1;
        double[][] scores = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double cosine = dot(source[i], target[j]) / (sourceNorms[i] * targetNorms[j]);
                double score = (cosine + 1) / 2;
                if (distort) {
                    double offset = (double) i / (m - 1) - (double) j / (n - 1);
                    score *= 1 - distortion * offset * offset;
                }
                scores[i][j] = score;
            }
        }
        return scores;
    }

    private static double[] norms(float[][] vectors) {
        double[] norms = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            // A zero vector has no direction: its cosine is taken as 0 rather than NaN.
            norms[i] = Math.max(Math.sqrt(dot(vectors[i], vectors[i])), Double.MIN_NORMAL);
        }
        return norms;
    }

    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of width " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (double) a[d] * b[d];
        }
        return sum;
    }
}
