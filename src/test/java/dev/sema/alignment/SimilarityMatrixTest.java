package dev.sema.alignment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class SimilarityMatrixTest {

    private static final float[][] SOURCE = {{1, 0}, {0, 1}};
    private static final float[][] TARGET = {{2, 0}, {1, 1}, {0, -3}};
    private static final double HALF_DIAGONAL = (Math.sqrt(0.5) + 1) / 2;   // cos 45° mapped to [0, 1]

    @Test
    void cosineIsMappedToZeroOne() {
        double[][] scores = SimilarityMatrix.of(SOURCE, TARGET, 0);
        assertArrayEquals(new double[]{1, HALF_DIAGONAL, 0.5}, scores[0], 1e-15);
        assertArrayEquals(new double[]{0.5, HALF_DIAGONAL, 0}, scores[1], 1e-15);
    }

    @Test
    void distortionScalesByTheSquaredDistanceOfRelativePositions() {
        double[][] scores = SimilarityMatrix.of(SOURCE, TARGET, 0.5);
        // Relative positions: source 0, 1; target 0, 0.5, 1. Factor 1 − 0.5·(i/1 − j/2)².
        assertArrayEquals(new double[]{1, HALF_DIAGONAL * 0.875, 0.5 * 0.5}, scores[0], 1e-15);
        assertArrayEquals(new double[]{0.5 * 0.5, HALF_DIAGONAL * 0.875, 0}, scores[1], 1e-15);
    }

    @Test
    void distortionNeedsTwoTokensOnEachSide() {
        double[][] scores = SimilarityMatrix.of(new float[][]{{1, 0}}, TARGET, 0.5);
        assertArrayEquals(new double[]{1, HALF_DIAGONAL, 0.5}, scores[0], 1e-15);
    }

    @Test
    void zeroVectorsScoreAsOrthogonal() {
        double[][] scores = SimilarityMatrix.of(new float[][]{{0, 0}}, TARGET, 0);
        assertArrayEquals(new double[]{0.5, 0.5, 0.5}, scores[0], 0);
    }

    @Test
    void equalDirectionsScoreExactlyTheSame() {
        // The echo model's vectors are multiples of one vector: every pair must score the same, bit for bit.
        float[][] multiples = {{3, 3, 3}, {4001, 4001, 4001}, {17, 17, 17}};
        double[][] scores = SimilarityMatrix.of(multiples, multiples, 0);
        for (double[] row : scores) {
            assertArrayEquals(new double[]{scores[0][0], scores[0][0], scores[0][0]}, row, 1e-15);
        }
    }
}
