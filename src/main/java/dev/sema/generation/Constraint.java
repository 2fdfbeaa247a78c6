package dev.sema.generation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A positive lexical constraint: the output must contain one of {@code alternatives} as a contiguous run of
 * tokens (HF {@code DisjunctiveConstraint}; with one alternative, {@code PhrasalConstraint}). Alternatives
 * carry the spellings a term may take, e.g. its sentence-initial and mid-sentence SentencePiece forms.
 */
public record Constraint(List<int[]> alternatives) {

    public Constraint {
        alternatives = alternatives.stream().map(int[]::clone).toList();
        if (alternatives.isEmpty() || alternatives.stream().anyMatch(tokens -> tokens.length == 0)) {
            throw new IllegalArgumentException("a constraint needs at least one non-empty token sequence");
        }
    }

    /** A constraint with a single token sequence. */
    public static Constraint phrase(int... tokens) {
        return new Constraint(List.<int[]>of(tokens));
    }

    /** A constraint met by any of the given token sequences. */
    public static Constraint anyOf(int[]... alternatives) {
        return new Constraint(List.of(alternatives));
    }

    @Override
    public List<int[]> alternatives() {
        return alternatives.stream().map(int[]::clone).toList();
    }

    int alternativeCount() {
        return alternatives.size();
    }

    /** The {@code index}-th alternative, not copied: callers in this package only read it. */
    int[] alternative(int index) {
        return alternatives.get(index);
    }

    /** The length of the longest alternative: what meeting this constraint counts for in the banks. */
    int weight() {
        return alternatives.stream().mapToInt(tokens -> tokens.length).max().orElseThrow();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Constraint that && alternatives.size() == that.alternatives.size()
                && IntStream.range(0, alternatives.size())
                .allMatch(i -> Arrays.equals(alternatives.get(i), that.alternatives.get(i)));
    }

    @Override
    public int hashCode() {
        return alternatives.stream().mapToInt(Arrays::hashCode).reduce(17, (a, b) -> 31 * a + b);
    }

    @Override
    public String toString() {
        return alternatives.stream().map(Arrays::toString).collect(Collectors.joining(" | ", "Constraint(", ")"));
    }
}
