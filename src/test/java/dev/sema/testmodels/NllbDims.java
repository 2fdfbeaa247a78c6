package dev.sema.testmodels;

/**
 * Dimensions of an NLLB (M2M100) model and its token-id arithmetic, with the SentencePiece size in place of
 * NLLB's 256000: piece ids are shifted by the fairseq offset 1, the 202 language codes follow at
 * {@code spmSize + 1 + index}, then {@code <mask>}, then two unused rows (256206 = 256000 + 206 for real NLLB).
 */
record NllbDims(int dModel, int encoderLayers, int decoderLayers, int heads, int ffn, int spmSize,
                int maxPositions) {
    static final int LANGUAGES = 202;
    static final int PAD = 1;
    static final int EOS = 2;
    /** M2M100's position offset: position ids start at padding_idx + 1 = 2. */
    static final int POSITION_OFFSET = 2;

    NllbDims {
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("d_model " + dModel + " not divisible by " + heads + " heads");
        }
    }

    static NllbDims tiny(int spmSize) {
        return new NllbDims(32, 2, 2, 4, 64, spmSize, 1024);
    }

    static NllbDims echo(int spmSize) {
        return new NllbDims(8, 1, 2, 2, 8, spmSize, 1024);
    }

    static NllbDims nllb600m() {
        return new NllbDims(1024, 12, 12, 16, 4096, 256000, 1024);
    }

    int headDim() {
        return dModel / heads;
    }

    int vocabSize() {
        return spmSize + 1 + LANGUAGES + 1 + 2;
    }

    int languageId(int index) {
        return spmSize + 1 + index;
    }

    int maskId() {
        return spmSize + 1 + LANGUAGES;
    }
}
