package dev.sema.fasttext;

import java.util.Arrays;

/**
 * Hierarchical softmax over a Huffman tree of the label counts ({@code HierarchicalSoftmaxLoss}): each inner
 * node is a binary logistic unit on one output-matrix row; a label's log-probability is the sum along its
 * path. Prediction is fastText's pruned depth-first search, which never returns labels whose probability is
 * below {@code threshold} (and, with threshold 0, below about 1e-5).
 */
final class HierarchicalSoftmax implements OutputLayer {

    private final Matrix wo;
    private final int osz;
    private final int[] left;
    private final int[] right;

    HierarchicalSoftmax(Matrix wo, long[] counts) {
        this.wo = wo;
        this.osz = counts.length;
        int nodes = 2 * osz - 1;
        left = new int[nodes];
        right = new int[nodes];
        long[] count = new long[nodes];
        Arrays.fill(left, -1);
        Arrays.fill(right, -1);
        Arrays.fill(count, (long) 1e15);
        System.arraycopy(counts, 0, count, 0, osz);
        int leaf = osz - 1;
        int node = osz;
        for (int i = osz; i < nodes; i++) {
            int[] mini = new int[2];
            for (int j = 0; j < 2; j++) {
                mini[j] = leaf >= 0 && count[leaf] < count[node] ? leaf-- : node++;
            }
            left[i] = mini[0];
            right[i] = mini[1];
            count[i] = count[mini[0]] + count[mini[1]];
        }
    }

    @Override
    public void predict(float[] hidden, float threshold, TopK heap, int nlabels) {
        dfs(TopK.stdLog(threshold), 2 * osz - 2, 0f, heap, hidden);
        heap.sortDescending();
    }

    private void dfs(float minScore, int node, float score, TopK heap, float[] hidden) {
        if (score < minScore) {
            return;
        }
        if (heap.full() && score < heap.worst()) {
            return;
        }
        if (left[node] == -1 && right[node] == -1) {
            heap.offer(score, node);
            return;
        }
        float f = wo.dotRow(hidden, node - osz);
        f = (float) (1.0 / (1f + (float) Math.exp(-f)));
        dfs(minScore, left[node], score + TopK.stdLog((float) (1.0 - f)), heap, hidden);
        dfs(minScore, right[node], score + TopK.stdLog(f), heap, hidden);
    }
}
