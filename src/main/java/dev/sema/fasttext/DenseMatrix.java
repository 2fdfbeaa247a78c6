package dev.sema.fasttext;

import java.io.IOException;
import java.nio.FloatBuffer;

/**
 * A dense row-major float matrix ({@code DenseMatrix::load}: int64 rows, int64 cols, floats). Large matrices
 * stay memory-mapped in chunks of whole rows, so models beyond 2 GB work and the heap holds none of them;
 * absolute reads keep it safe to share between threads.
 */
final class DenseMatrix implements Matrix {

    private final int cols;
    private final int rowsPerChunk;
    private final FloatBuffer[] chunks;

    private DenseMatrix(int cols, int rowsPerChunk, FloatBuffer[] chunks) {
        this.cols = cols;
        this.rowsPerChunk = rowsPerChunk;
        this.chunks = chunks;
    }

    /** @param chunkBytes most bytes per buffer (at most {@code Integer.MAX_VALUE}); whole rows per chunk */
    static DenseMatrix read(ModelReader in, long expectedRows, int expectedCols, long chunkBytes) throws IOException {
        long rows = in.int64();
        long cols = in.int64();
        if (rows != expectedRows || cols != expectedCols) {
            throw in.corrupt("matrix is " + rows + " x " + cols + ", expected " + expectedRows + " x " + expectedCols);
        }
        int rowsPerChunk = (int) Math.max(1, Math.min(Math.min(chunkBytes, Integer.MAX_VALUE) / (4L * cols), rows));
        return new DenseMatrix((int) cols, rowsPerChunk, in.floatRows(rows, (int) cols, rowsPerChunk));
    }

    @Override
    public void addRowTo(float[] x, int row) {
        FloatBuffer chunk = chunks[row / rowsPerChunk];
        int base = (row % rowsPerChunk) * cols;
        for (int j = 0; j < cols; j++) {
            x[j] += chunk.get(base + j);
        }
    }

    @Override
    public float dotRow(float[] x, int row) {
        FloatBuffer chunk = chunks[row / rowsPerChunk];
        int base = (row % rowsPerChunk) * cols;
        float d = 0f;
        for (int j = 0; j < cols; j++) {
            d += chunk.get(base + j) * x[j];
        }
        return d;
    }
}
