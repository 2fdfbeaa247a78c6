package dev.sema.nllb;

import dev.sema.generation.DecoderSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The smallest driver of a {@link DecoderSession} for tests (the real search lives in {@code generation}):
 * start token, forced first token, then argmax until every row has produced {@code </s>}.
 */
final class GreedyLoop {

    private GreedyLoop() {
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Keeps feeding finished rows {@code </s>}; returns each row's tokens after the start token. */
    static List<long[]> decode(DecoderSession session, long forced, int maxSteps) {
        int rows = session.rows();
        List<List<Long>> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(new ArrayList<>());
        }
        long[] tokens = new long[rows];
        Arrays.fill(tokens, NllbTokenizer.EOS);
        boolean[] done = new boolean[rows];
        for (int step = 0; step < maxSteps && !allTrue(done); step++) {
            float[][] logits = session.step(tokens);
            for (int r = 0; r < rows; r++) {
                tokens[r] = done[r] ? NllbTokenizer.EOS : step == 0 ? forced : argmax(logits[r]);
                if (!done[r]) {
                    out.get(r).add(tokens[r]);
                    done[r] = tokens[r] == NllbTokenizer.EOS;
                }
            }
        }
        return out.stream().map(ids -> ids.stream().mapToLong(Long::longValue).toArray()).toList();
    }

    /** Like {@link #decode} but finished rows leave the session through {@code reorder}. */
    static List<long[]> decodeDroppingFinished(DecoderSession session, long forced, int maxSteps) {
        int rows = session.rows();
        List<List<Long>> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(new ArrayList<>());
        }
        int[] original = new int[rows];
        Arrays.setAll(original, r -> r);
        long[] tokens = new long[rows];
        Arrays.fill(tokens, NllbTokenizer.EOS);
        for (int step = 0; step < maxSteps && original.length > 0; step++) {
            float[][] logits = session.step(tokens);
            List<Integer> keep = new ArrayList<>();
            for (int r = 0; r < original.length; r++) {
                long next = step == 0 ? forced : argmax(logits[r]);
                out.get(original[r]).add(next);
                if (next != NllbTokenizer.EOS) {
                    keep.add(r);
                }
                tokens[r] = next;
            }
            int[] kept = keep.stream().mapToInt(Integer::intValue).toArray();
            if (kept.length < original.length) {
                session.reorder(kept);
                long[] previous = tokens;
                tokens = Arrays.stream(kept).mapToLong(r -> previous[r]).toArray();
                int[] previousOriginal = original;
                original = Arrays.stream(kept).map(r -> previousOriginal[r]).toArray();
            }
        }
        return out.stream().map(ids -> ids.stream().mapToLong(Long::longValue).toArray()).toList();
    }

    private static boolean allTrue(boolean[] values) {
        for (boolean value : values) {
            if (!value) {
                return false;
            }
        }
        return true;
    }
}
