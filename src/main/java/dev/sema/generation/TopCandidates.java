package dev.sema.generation;

/**
 * The {@code capacity} highest scores offered, best first, with their indices. Built for beam search's
 * top {@code 2 × beams} over {@code beams × vocab} (~1M values for 4 beams of NLLB): after the first few
 * offers almost every value fails one comparison, so no sort of the full row is needed.
 *
 * <p>On equal scores the earlier offer ranks first, so offering indices in increasing order breaks ties
 * towards the lower index. NaN scores are ignored.
 */
final class TopCandidates {

    private final double[] scores;
    private final int[] indices;
    private int size;

    TopCandidates(int capacity) {
        this.scores = new double[capacity];
        this.indices = new int[capacity];
    }

    void offer(double score, int index) {
        if (Double.isNaN(score) || (size == scores.length && !(score > scores[size - 1]))) {
            return;
        }
        int position = Math.min(size, scores.length - 1);
        while (position > 0 && scores[position - 1] < score) {
            position--;
        }
        int moved = Math.min(size, scores.length - 1) - position;
        System.arraycopy(scores, position, scores, position + 1, moved);
        System.arraycopy(indices, position, indices, position + 1, moved);
        scores[position] = score;
        indices[position] = index;
        size = Math.min(size + 1, scores.length);
    }

    int size() {
        return size;
    }

    double score(int rank) {
        return scores[rank];
    }

    int index(int rank) {
        return indices[rank];
    }
}
