package dev.sema.fasttext;

import java.io.IOException;

/**
 * A product-quantised matrix ({@code QuantMatrix::load}): one byte per sub-vector per row, and with
 * {@code qnorm} each row's norm quantised separately so codes describe unit vectors. Codes live on the heap:
 * they are the compressed form (lid.176.ftz: 400 kB).
 */
final class QuantizedMatrix implements Matrix {

    private final byte[] codes;
    private final ProductQuantizer pq;
    private final byte[] normCodes;
    private final ProductQuantizer normPq;

    private QuantizedMatrix(byte[] codes, ProductQuantizer pq, byte[] normCodes, ProductQuantizer normPq) {
        this.codes = codes;
        this.pq = pq;
        this.normCodes = normCodes;
        this.normPq = normPq;
    }

    static QuantizedMatrix read(ModelReader in, long expectedRows, int expectedCols) throws IOException {
        boolean qnorm = in.bool();
        long rows = in.int64();
        long cols = in.int64();
        int codeSize = in.int32();
        if (rows != expectedRows || cols != expectedCols) {
            throw in.corrupt("quantised matrix is " + rows + " x " + cols + ", expected " + expectedRows + " x "
                    + expectedCols);
        }
        byte[] codes = in.bytes(codeSize);
        ProductQuantizer pq = ProductQuantizer.read(in, expectedCols);
        if ((long) pq.nsubq() * rows != codeSize) {
            throw in.corrupt("code size " + codeSize + " is not rows " + rows + " x sub-quantisers " + pq.nsubq());
        }
        byte[] normCodes = null;
        ProductQuantizer normPq = null;
        if (qnorm) {
            normCodes = in.bytes(rows);
            normPq = ProductQuantizer.read(in, 1);
        }
        return new QuantizedMatrix(codes, pq, normCodes, normPq);
    }

    private float norm(int row) {
        return normCodes == null ? 1f : normPq.scalar(normCodes[row] & 0xFF);
    }

    @Override
    public void addRowTo(float[] x, int row) {
        pq.addCode(x, codes, row, norm(row));
    }

    @Override
    public float dotRow(float[] x, int row) {
        return pq.mulCode(x, codes, row, norm(row));
    }
}
