package dev.sema.fasttext;

/** The part of a fastText classifier that turns the hidden vector into the k best labels. */
interface OutputLayer {

    /**
     * @param hidden    averaged input vector, length {@code dim}
     * @param threshold probabilities below it are not returned
     * @param heap      receives (log-probability, label id) pairs, best first once this returns
     * @param nlabels   number of labels (rows of the output matrix)
     */
    void predict(float[] hidden, float threshold, TopK heap, int nlabels);

    static OutputLayer of(FastTextArgs.Loss loss, Matrix wo, long[] labelCounts) {
        return switch (loss) {
            case HS -> new HierarchicalSoftmax(wo, labelCounts);
            case SOFTMAX -> new FlatOutput(wo, true);
            case NS, OVA -> new FlatOutput(wo, false);
        };
    }
}
