package dev.sema.alignment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MatchingTest {

    private static final double[][] SCORES = {
            {0.9, 0.1, 0.2},
            {0.8, 0.3, 0.1},
            {0.1, 0.7, 0.6}};

    @Test
    void argmaxKeepsMutualBests() {
        // Forward: 0→0, 1→0, 2→1. Backward: 0→0, 1→2, 2→2. Mutual: (0,0) and (2,1).
        assertEquals(List.of(new TokenLink(0, 0), new TokenLink(2, 1)), Matching.ARGMAX.links(SCORES));
    }

    @Test
    void itermaxAddsMutualBestsAmongTheUnaligned() {
        // Second round: source 1 and target 2 are free. Damped scores (0.9 where one side is aligned, 0 where
        // both are): row 1 = 0.72, 0.27, 0.1; column 2 = 0.18, 0.1, 0.54. Mutual bests: (1,0) and (2,2).
        assertEquals(List.of(new TokenLink(0, 0), new TokenLink(1, 0), new TokenLink(2, 1), new TokenLink(2, 2)),
                Matching.ITERMAX.links(SCORES));
    }

    @Test
    void itermaxNeedsMoreThanTwoTokensOnEachSide() {
        double[][] scores = {{0.9, 0.8}, {0.85, 0.1}};
        assertEquals(List.of(new TokenLink(0, 0)), Matching.ITERMAX.links(scores));
    }

    @Test
    void tiesGoToTheLowestIndex() {
        double[][] scores = {{0.5, 0.5}, {0.5, 0.5}};
        assertEquals(List.of(new TokenLink(0, 0)), Matching.ARGMAX.links(scores));
    }

    @Test
    void aSingleTokenLinksToItsBest() {
        assertEquals(List.of(new TokenLink(0, 1)), Matching.ITERMAX.links(new double[][]{{0.2, 0.9, 0.4}}));
    }
}
