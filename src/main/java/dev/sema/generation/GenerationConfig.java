package dev.sema.generation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Everything that decides how one batch is decoded. Defaults are NLLB's {@code generation_config.json} plus
 * HF's generation defaults (greedy, length penalty 1.0, no n-gram blocking, no repetition penalty);
 * NLLB's own evaluation used {@code numBeams} 4 with length penalty 1.0.
 *
 * <p>Per-row lists ({@link #maxNewTokens}, {@link #forcedBosTokenIds}) hold either one entry per batch row
 * or a single entry that applies to every row; {@code forcedBosTokenIds} may also be empty (nothing forced).
 *
 * <p>Lengths count generated tokens: the forced language token counts, the decoder start token and the
 * final EOS do not.
 *
 * @param maxNewTokens       generation limit per row, usually from {@link OutputLengthRule}
 * @param minNewTokens       EOS is suppressed until a row has this many tokens (0 = off)
 * @param numBeams           beams per row; 1 = greedy
 * @param lengthPenalty      finished beams are ranked by {@code sumLogProbs / length^lengthPenalty};
 *                           0 ranks by raw probability (favours short outputs), 1.0 is per-token average
 * @param earlyStopping      when beam search may stop a row
 * @param numReturnSequences hypotheses returned per row (n-best), at most {@code numBeams}
 * @param noRepeatNgramSize  forbid repeating any n-gram of this size (0 = off)
 * @param repetitionPenalty  CTRL-style penalty on already generated tokens (1.0 = off)
 * @param forceEosAtLimit    force EOS at the last allowed position (HF {@code forced_eos_token_id}); NLLB
 *                           does not set it, so a row at its limit simply stops
 * @param decoderStartTokenId first decoder input (NLLB: 2, {@code </s>})
 * @param eosTokenId         ends a hypothesis (NLLB: 2)
 * @param padTokenId         never a valid output, so always suppressed (NLLB: 1); finished rows are not
 *                           padded but leave the batch
 * @param suppressTokens     ids that may never be generated: for NLLB every language code (the forced one
 *                           still wins at the first position), {@code <s>}, {@code <mask>}, unused rows
 * @param forcedBosTokenIds  the first generated token per row (NLLB: the target language)
 * @param constraints        positive lexical constraints per row, empty when none: every row's output must
 *                           contain each of its constraints ({@link ConstrainedBeamSearch})
 */
public record GenerationConfig(
        List<Integer> maxNewTokens,
        int minNewTokens,
        int numBeams,
        double lengthPenalty,
        EarlyStopping earlyStopping,
        int numReturnSequences,
        int noRepeatNgramSize,
        double repetitionPenalty,
        boolean forceEosAtLimit,
        int decoderStartTokenId,
        int eosTokenId,
        int padTokenId,
        Set<Integer> suppressTokens,
        List<Integer> forcedBosTokenIds,
        List<List<Constraint>> constraints) {

    public GenerationConfig {
        constraints = constraints.stream().map(List::copyOf).toList();
        maxNewTokens = List.copyOf(maxNewTokens);
        suppressTokens = Set.copyOf(suppressTokens);
        forcedBosTokenIds = List.copyOf(forcedBosTokenIds);
        require(!maxNewTokens.isEmpty() && maxNewTokens.stream().allMatch(n -> n >= 1),
                "maxNewTokens must be ≥ 1 for every row: " + maxNewTokens);
        require(minNewTokens >= 0, "minNewTokens must be ≥ 0: " + minNewTokens);
        require(numBeams >= 1, "numBeams must be ≥ 1: " + numBeams);
        require(Double.isFinite(lengthPenalty), "lengthPenalty must be finite: " + lengthPenalty);
        require(earlyStopping != null, "earlyStopping is required");
        require(numReturnSequences >= 1 && numReturnSequences <= numBeams,
                "numReturnSequences must be between 1 and numBeams (" + numBeams + "): " + numReturnSequences);
        require(noRepeatNgramSize >= 0, "noRepeatNgramSize must be ≥ 0: " + noRepeatNgramSize);
        require(repetitionPenalty > 0 && Double.isFinite(repetitionPenalty),
                "repetitionPenalty must be > 0: " + repetitionPenalty);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The limit for batch row {@code row}. */
    public int maxNewTokens(int row) {
        return maxNewTokens.get(maxNewTokens.size() == 1 ? 0 : row);
    }

    /** The token forced first for batch row {@code row}, or −1 when none is. */
    public int forcedBosTokenId(int row) {
        return forcedBosTokenIds.isEmpty() ? -1 : forcedBosTokenIds.get(forcedBosTokenIds.size() == 1 ? 0 : row);
    }

    /** The constraints of batch row {@code row}; none when no row has any. */
    public List<Constraint> constraints(int row) {
        return constraints.isEmpty() ? List.of() : constraints.get(constraints.size() == 1 ? 0 : row);
    }

    /** Whether any row has a constraint, which selects {@link ConstrainedBeamSearch}. */
    public boolean hasConstraints() {
        return constraints.stream().anyMatch(row -> !row.isEmpty());
    }

    /** Checks the per-row lists and every token id against the actual batch and model. */
    void validate(int batchSize, int vocabSize) {
        require(batchSize >= 1, "batchSize must be ≥ 1: " + batchSize);
        require(maxNewTokens.size() == 1 || maxNewTokens.size() == batchSize,
                "maxNewTokens has " + maxNewTokens.size() + " entries for " + batchSize + " rows");
        require(forcedBosTokenIds.size() <= 1 || forcedBosTokenIds.size() == batchSize,
                "forcedBosTokenIds has " + forcedBosTokenIds.size() + " entries for " + batchSize + " rows");
        require(constraints.size() <= 1 || constraints.size() == batchSize,
                "constraints has " + constraints.size() + " entries for " + batchSize + " rows");
        require(constraints.stream().flatMap(List::stream).flatMap(constraint -> constraint.alternatives().stream())
                        .flatMapToInt(Arrays::stream).noneMatch(id -> id == eosTokenId),
                "a constraint cannot contain EOS (" + eosTokenId + "): EOS ends the output");
        IntStream constraintIds = constraints.stream().flatMap(List::stream)
                .flatMap(constraint -> constraint.alternatives().stream()).flatMapToInt(Arrays::stream);
        IntStream ids = IntStream.concat(
                IntStream.concat(IntStream.of(decoderStartTokenId, eosTokenId, padTokenId), constraintIds),
                IntStream.concat(suppressTokens.stream().mapToInt(Integer::intValue),
                        forcedBosTokenIds.stream().mapToInt(Integer::intValue)));
        int[] outside = ids.filter(id -> id < 0 || id >= vocabSize).distinct().sorted().toArray();
        require(outside.length == 0, "token ids outside the vocabulary [0, " + vocabSize + "): "
                + Arrays.stream(outside).mapToObj(String::valueOf).collect(Collectors.joining(", ")));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Starts from the NLLB defaults listed on {@link GenerationConfig}. */
    public static final class Builder {
        private List<Integer> maxNewTokens = List.of(OutputLengthRule.DEFAULT.cap());
        private int minNewTokens;
        private int numBeams = 1;
        private double lengthPenalty = 1.0;
        private EarlyStopping earlyStopping = EarlyStopping.HEURISTIC;
        private int numReturnSequences = 1;
        private int noRepeatNgramSize;
        private double repetitionPenalty = 1.0;
        private boolean forceEosAtLimit;
        private int decoderStartTokenId = 2;
        private int eosTokenId = 2;
        private int padTokenId = 1;
        private Set<Integer> suppressTokens = Set.of();
        private List<Integer> forcedBosTokenIds = List.of();
        private List<List<Constraint>> constraints = List.of();

        private Builder() {
        }

        /** One limit per row, or a single limit for all rows. */
        public Builder maxNewTokens(int... perRow) {
            this.maxNewTokens = Arrays.stream(perRow).boxed().toList();
            return this;
        }

        /** Per-row limits from the source lengths (tokens, including the language tag and EOS). */
        public Builder maxNewTokens(OutputLengthRule rule, int... sourceLengths) {
            this.maxNewTokens = Arrays.stream(sourceLengths).map(rule::maxNewTokens).boxed().toList();
            return this;
        }

        public Builder minNewTokens(int value) { this.minNewTokens = value; return this; }
        public Builder numBeams(int value) { this.numBeams = value; return this; }
        public Builder lengthPenalty(double value) { this.lengthPenalty = value; return this; }
        public Builder earlyStopping(EarlyStopping value) { this.earlyStopping = value; return this; }
        public Builder numReturnSequences(int value) { this.numReturnSequences = value; return this; }
        public Builder noRepeatNgramSize(int value) { this.noRepeatNgramSize = value; return this; }
        public Builder repetitionPenalty(double value) { this.repetitionPenalty = value; return this; }
        public Builder forceEosAtLimit(boolean value) { this.forceEosAtLimit = value; return this; }
        public Builder decoderStartTokenId(int value) { this.decoderStartTokenId = value; return this; }
        public Builder eosTokenId(int value) { this.eosTokenId = value; return this; }
        public Builder padTokenId(int value) { this.padTokenId = value; return this; }
        public Builder suppressTokens(Set<Integer> ids) { this.suppressTokens = ids; return this; }

        /** One forced first token per row, or a single one for all rows. */
        public Builder forcedBosTokenIds(int... perRow) {
            this.forcedBosTokenIds = Arrays.stream(perRow).boxed().toList();
            return this;
        }

        /** One list of constraints per row, or a single list for all rows; empty lists for none. */
        public Builder constraints(List<List<Constraint>> perRow) {
            this.constraints = perRow;
            return this;
        }

        public GenerationConfig build() {
            return new GenerationConfig(maxNewTokens, minNewTokens, numBeams, lengthPenalty, earlyStopping,
                    numReturnSequences, noRepeatNgramSize, repetitionPenalty, forceEosAtLimit,
                    decoderStartTokenId, eosTokenId, padTokenId, suppressTokens, forcedBosTokenIds, constraints);
        }
    }
}
