package dev.sema.fasttext;

/**
 * The k best (log-score, label) pairs, kept in a min-heap with the exact sift order of libstdc++'s
 * {@code push_heap}/{@code pop_heap}/{@code sort_heap} under fastText's {@code comparePairs}, so that labels with
 * equal scores come out in the same order as from the fastText binary. Per-call scratch, not thread-safe.
 */
final class TopK {

    private final int k;
    private final float[] scores;
    private final int[] ids;
    private int size;

    TopK(int k) {
        this.k = k;
        this.scores = new float[k + 1];
        this.ids = new int[k + 1];
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == k;
    }

    /** The smallest kept score (the heap front). */
    float worst() {
        return scores[0];
    }

    float score(int i) {
        return scores[i];
    }

    int id(int i) {
        return ids[i];
    }

    /** {@code heap.push_back; push_heap; if (size > k) { pop_heap; pop_back; }} */
    void offer(float score, int id) {
        scores[size] = score;
        ids[size] = id;
        size++;
        siftUp(size - 1, 0, score, id);
        if (size > k) {
            popTo(size - 1);
            size--;
        }
    }

    /** {@code sort_heap}: afterwards entries are in descending score order. */
    void sortDescending() {
        for (int last = size - 1; last > 0; last--) {
            popTo(last);
        }
    }

    /** std::comp(a, b) = a.first > b.first */
    private static boolean comp(float a, float b) {
        return a > b;
    }

    private void siftUp(int hole, int top, float score, int id) {
        int parent = (hole - 1) / 2;
        while (hole > top && comp(scores[parent], score)) {
            scores[hole] = scores[parent];
            ids[hole] = ids[parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        scores[hole] = score;
        ids[hole] = id;
    }

    /** {@code __pop_heap(first, last, last)}: moves the front to {@code last} and re-heaps {@code [0, last)}. */
    private void popTo(int last) {
        float score = scores[last];
        int id = ids[last];
        scores[last] = scores[0];
        ids[last] = ids[0];
        adjust(0, last, score, id);
    }

    private void adjust(int hole, int len, float score, int id) {
        int top = hole;
        int child = hole;
        while (child < (len - 1) / 2) {
            child = 2 * (child + 1);
            if (comp(scores[child], scores[child - 1])) {
                child--;
            }
            scores[hole] = scores[child];
            ids[hole] = ids[child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2) {
            child = 2 * (child + 1);
            scores[hole] = scores[child - 1];
            ids[hole] = ids[child - 1];
            hole = child - 1;
        }
        siftUp(hole, top, score, id);
    }

    /** fastText's {@code std_log}: {@code log(x + 1e-5)}, so a zero probability still has a finite score. */
    static float stdLog(float x) {
        return (float) Math.log(x + 1e-5);
    }
}
