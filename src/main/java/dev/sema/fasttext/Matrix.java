package dev.sema.fasttext;

/** A read-only {@code [rows, cols]} float matrix of a fastText model, dense or product-quantised. */
interface Matrix {

    /** {@code x += row}, with {@code x} of length {@code cols}. */
    void addRowTo(float[] x, int row);

    /** The dot product of a row with {@code x}, accumulated in float in column order as fastText does. */
    float dotRow(float[] x, int row);
}
