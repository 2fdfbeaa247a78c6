package dev.sema.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintStateTest {

    @Test
    void progressCountsMetConstraintsAndTheRunAndResetsOnDivergence() {
        ConstraintState state = ConstraintState.start(List.of(Constraint.phrase(7, 8, 9), Constraint.phrase(4)));
        assertEquals(4, ConstraintState.total(List.of(Constraint.phrase(7, 8, 9), Constraint.phrase(4))));
        assertArrayEquals(new int[]{7, 4}, state.advancingTokens());

        state = state.advance(7).advance(8);
        assertEquals(2, state.progress());
        assertArrayEquals(new int[]{9}, state.advancingTokens());

        state = state.advance(5);
        assertEquals(0, state.progress(), "diverged");
        state = state.advance(4);
        assertEquals(1, state.progress());
        assertFalse(state.allMet());
        state = state.advance(7).advance(8).advance(9);
        assertEquals(4, state.progress());
        assertTrue(state.allMet());
        assertEquals(state, state.advance(3), "nothing left to track");
    }

    @Test
    void divergenceKeepsTheLongestSuffixStillUnderway() {
        ConstraintState state = ConstraintState.start(List.of(Constraint.phrase(1, 1, 2)));
        state = state.advance(1).advance(1).advance(1);
        assertEquals(2, state.progress(), "the last two 1s still start 1 1 2");
        assertTrue(state.advance(2).allMet());
    }

    @Test
    void constraintsSharingAPrefixProgressTogetherAndBothCount() {
        ConstraintState state = ConstraintState.start(List.of(Constraint.phrase(5, 6), Constraint.phrase(5, 7)));
        state = state.advance(5);
        assertArrayEquals(new int[]{6, 7}, state.advancingTokens());
        state = state.advance(7);
        assertEquals(2, state.progress());
        assertArrayEquals(new int[]{5}, state.advancingTokens());
        state = state.advance(5).advance(6);
        assertTrue(state.allMet());
    }

    @Test
    void aDisjunctionIsMetByAnyAlternativeAndWeighsItsLongest() {
        List<Constraint> constraints = List.of(Constraint.anyOf(new int[]{10, 11, 12}, new int[]{20}));
        assertEquals(3, ConstraintState.total(constraints));
        ConstraintState state = ConstraintState.start(constraints).advance(20);
        assertTrue(state.allMet());
        assertEquals(3, state.progress());
    }
}
