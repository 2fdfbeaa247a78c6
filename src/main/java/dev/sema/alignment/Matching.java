package dev.sema.alignment;

import java.util.ArrayList;
import java.util.List;

/**
 * SimAlign's two matchings from a similarity matrix to token links.
 *
 * <ul>
 *   <li>{@link #ARGMAX}: a link where the target token is the source token's best and the source token is the
 *       target token's best (the intersection of both directions' argmax): precise, leaves tokens without a
 *       clear partner unaligned.</li>
 *   <li>{@link #ITERMAX}: argmax, then once more over the tokens still unaligned on at least one side, with
 *       scores of pairs where one side is already aligned damped to 0.9 and pairs aligned on both sides
 *       excluded (SimAlign's {@code iter_max} with its two iterations): more links, nearly as precise, which
 *       is what tag projection needs (a tagged word without a partner loses its tag's position).</li>
 * </ul>
 * Ties go to the lowest index, as numpy's argmax does.
 */
enum Matching {
    ARGMAX, ITERMAX;

    private static final double DAMPING = 0.9;

    /** @param scores [m][n], m and n at least 1 */
    List<TokenLink> links(double[][] scores) {
        int m = scores.length;
        int n = scores[0].length;
        boolean[][] linked = intersection(scores);
        if (this == ITERMAX && Math.min(m, n) > 2) {
            linked = or(linked, secondRound(scores, linked));
        }
        List<TokenLink> links = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (linked[i][j]) {
                    links.add(new TokenLink(i, j));
                }
            }
        }
        return links;
    }

    private static boolean[][] intersection(double[][] scores) {
        int m = scores.length;
        int n = scores[0].length;
        int[] forward = new int[m];
        for (int i = 0; i < m; i++) {
            for (int j = 1; j < n; j++) {
                if (scores[i][j] > scores[i][forward[i]]) {
                    forward[i] = j;
                }
            }
        }
        int[] backward = new int[n];
        for (int j = 0; j < n; j++) {
            for (int i = 1; i < m; i++) {
                if (scores[i][j] > scores[backward[j]][j]) {
                    backward[j] = i;
                }
            }
        }
        boolean[][] linked = new boolean[m][n];
        for (int i = 0; i < m; i++) {
            linked[i][forward[i]] = backward[forward[i]] == i;
        }
        return linked;
    }

    /**
     * SimAlign's second iteration: a pair's score is kept when neither token is aligned, damped when one is,
     * zeroed when both are; the intersection of the new argmaxes, restricted to pairs with a free token.
     */
    private static boolean[][] secondRound(double[][] scores, boolean[][] linked) {
        int m = scores.length;
        int n = scores[0].length;
        boolean[] sourceAligned = new boolean[m];
        boolean[] targetAligned = new boolean[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                sourceAligned[i] |= linked[i][j];
                targetAligned[j] |= linked[i][j];
            }
        }
        if (all(sourceAligned) || all(targetAligned)) {
            return new boolean[m][n];
        }
        double[][] masked = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int free = (sourceAligned[i] ? 0 : 1) + (targetAligned[j] ? 0 : 1);
                masked[i][j] = scores[i][j] * Math.min(1.0, DAMPING * free);
            }
        }
        boolean[][] added = intersection(masked);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                added[i][j] &= !(sourceAligned[i] && targetAligned[j]);
            }
        }
        return added;
    }

    private static boolean all(boolean[] values) {
        for (boolean value : values) {
            if (!value) {
                return false;
            }
        }
        return true;
    }

    private static boolean[][] or(boolean[][] a, boolean[][] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] |= b[i][j];
            }
        }
        return a;
    }
}
