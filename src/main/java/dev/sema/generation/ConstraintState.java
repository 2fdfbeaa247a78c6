package dev.sema.generation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where one hypothesis stands against its row's constraints (HF {@code ConstraintListState}), immutable:
 * beam search copies hypotheses, so every step makes a new state and shares the unchanged parts.
 *
 * <p>{@code run} is the longest suffix of the generated tokens that is a proper prefix of an alternative of
 * an unmet constraint. Tracking the longest suffix rather than "the constraint in progress" makes divergence
 * exact: after {@code a a} then {@code a}, the run of constraint {@code a a b} is still {@code a a}, and two
 * constraints that share a prefix progress together until their tokens differ.
 */
final class ConstraintState {

    private final List<Constraint> constraints;
    private final boolean[] met;
    private final int[] run;
    private final int progress;

    private ConstraintState(List<Constraint> constraints, boolean[] met, int[] run) {
        this.constraints = constraints;
        this.met = met;
        this.run = run;
        this.progress = IntStream.range(0, met.length).filter(c -> met[c]).map(c -> constraints.get(c).weight()).sum()
                + run.length;
    }

    /** Nothing generated, nothing met. */
    static ConstraintState start(List<Constraint> constraints) {
        return new ConstraintState(List.copyOf(constraints), new boolean[constraints.size()], new int[0]);
    }

    /** The progress at which every constraint is met: the sum of their {@link Constraint#weight weights}. */
    static int total(List<Constraint> constraints) {
        return constraints.stream().mapToInt(Constraint::weight).sum();
    }

    /**
     * Constraint tokens met: each met constraint counts its weight, plus the length of the run. Strictly below
     * {@link #total} until every constraint is met, because the run is shorter than some unmet alternative.
     */
    int progress() {
        return progress;
    }

    boolean allMet() {
        for (boolean done : met) {
            if (!done) {
                return false;
            }
        }
        return true;
    }

    /** The state after appending {@code token}: constraints completed by it are met, the run recomputed. */
    ConstraintState advance(int token) {
        if (allMet()) {
            return this;
        }
        int[] extended = Arrays.copyOf(run, run.length + 1);
        extended[run.length] = token;
        boolean[] nextMet = met;
        for (int from = 0; from < extended.length; from++) {
            for (int c = 0; c < met.length; c++) {
                if (!nextMet[c] && completes(constraints.get(c), extended, from)) {
                    nextMet = nextMet == met ? met.clone() : nextMet;
                    nextMet[c] = true;
                }
            }
        }
        return new ConstraintState(constraints, nextMet, longestOpenSuffix(extended, nextMet));
    }

    /**
     * The tokens that make progress from here: the next token of every unmet alternative that continues the
     * run (with an empty run, every unmet alternative's first token). Few, so a plain array.
     */
    int[] advancingTokens() {
        IntStream.Builder tokens = IntStream.builder();
        for (int c = 0; c < met.length; c++) {
            Constraint constraint = constraints.get(c);
            for (int a = 0; a < constraint.alternativeCount() && !met[c]; a++) {
                int[] alternative = constraint.alternative(a);
                if (startsWith(alternative, run, 0, run.length)) {
                    tokens.add(alternative[run.length]);
                }
            }
        }
        return tokens.build().distinct().toArray();
    }

    private static boolean completes(Constraint constraint, int[] tokens, int from) {
        for (int a = 0; a < constraint.alternativeCount(); a++) {
            int[] alternative = constraint.alternative(a);
            if (alternative.length == tokens.length - from && startsWith(alternative, tokens, from, tokens.length)) {
                return true;
            }
        }
        return false;
    }

    private int[] longestOpenSuffix(int[] tokens, boolean[] nowMet) {
        for (int from = 0; from < tokens.length; from++) {
            for (int c = 0; c < nowMet.length; c++) {
                Constraint constraint = constraints.get(c);
                for (int a = 0; a < constraint.alternativeCount() && !nowMet[c]; a++) {
                    int[] alternative = constraint.alternative(a);
                    if (alternative.length > tokens.length - from && startsWith(alternative, tokens, from, tokens.length)) {
                        return Arrays.copyOfRange(tokens, from, tokens.length);
                    }
                }
            }
        }
        return new int[0];
    }

    /** Whether {@code alternative} begins with {@code tokens[from, to)}. */
    private static boolean startsWith(int[] alternative, int[] tokens, int from, int to) {
        return alternative.length >= to - from
                && Arrays.equals(alternative, 0, to - from, tokens, from, to);
    }
}
