package dev.sema.fasttext;

/**
 * Scores every label at once: softmax ({@code SoftmaxLoss}) or independent sigmoids (one-vs-all and negative
 * sampling, {@code BinaryLogisticLoss}), then keeps the k best as fastText's {@code Loss::findKBest}.
 */
final class FlatOutput implements OutputLayer {

    private static final int SIGMOID_TABLE_SIZE = 512;
    private static final int MAX_SIGMOID = 8;
    /** fastText predicts with the same 513-entry sigmoid table it trains with, so we must too. */
    private static final float[] SIGMOID = new float[SIGMOID_TABLE_SIZE + 1];

    static {
        for (int i = 0; i <= SIGMOID_TABLE_SIZE; i++) {
            float x = (float) (i * 2 * MAX_SIGMOID) / SIGMOID_TABLE_SIZE - MAX_SIGMOID;
            SIGMOID[i] = (float) (1.0 / (1.0 + (float) Math.exp(-x)));
        }
    }

    private final Matrix wo;
    private final boolean softmax;

    FlatOutput(Matrix wo, boolean softmax) {
        this.wo = wo;
        this.softmax = softmax;
    }

    @Override
    public void predict(float[] hidden, float threshold, TopK heap, int osz) {
        float[] output = new float[osz];
        for (int i = 0; i < osz; i++) {
            output[i] = wo.dotRow(hidden, i);
        }
        if (softmax) {
            normalise(output);
        } else {
            for (int i = 0; i < osz; i++) {
                output[i] = sigmoid(output[i]);
            }
        }
        for (int i = 0; i < osz; i++) {
            if (output[i] < threshold) {
                continue;
            }
            float score = TopK.stdLog(output[i]);
            if (heap.full() && score < heap.worst()) {
                continue;
            }
            heap.offer(score, i);
        }
        heap.sortDescending();
    }

    private static void normalise(float[] output) {
        float max = output[0];
        for (float v : output) {
            max = Math.max(v, max);
        }
        float z = 0f;
        for (int i = 0; i < output.length; i++) {
            output[i] = (float) Math.exp(output[i] - max);
            z += output[i];
        }
        for (int i = 0; i < output.length; i++) {
            output[i] /= z;
        }
    }

    private static float sigmoid(float x) {
        if (x < -MAX_SIGMOID) {
            return 0f;
        }
        if (x > MAX_SIGMOID) {
            return 1f;
        }
        return SIGMOID[(int) ((x + MAX_SIGMOID) * SIGMOID_TABLE_SIZE / MAX_SIGMOID / 2)];
    }
}
