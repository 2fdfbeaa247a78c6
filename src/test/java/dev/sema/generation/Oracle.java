package dev.sema.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reference answers computed straight from a {@link ToyModel}, one source at a time, without any session:
 * the production logits processors (tested on their own) and plain loops over sequences.
 */
final class Oracle {

    private final ToyModel model;
    private final GenerationConfig config;

    Oracle(ToyModel model, GenerationConfig config) {
        this.model = model;
        this.config = config;
    }

    /** Log-probabilities of the next token of {@code source} after {@code generated}, processors applied. */
    double[] logProbs(int source, int[] generated) {
        return logProbs(source, generated, true);
    }

    /** As {@link #logProbs(int, int[])}, with EOS masked before the softmax when {@code eosAllowed} is false. */
    double[] logProbs(int source, int[] generated, boolean eosAllowed) {
        int[] prefix = new int[generated.length + 1];
        prefix[0] = config.decoderStartTokenId();
        System.arraycopy(generated, 0, prefix, 1, generated.length);
        float[][] logits = {model.logits(source, prefix)};
        Sequences sequences = Sequences.start(source + 1, 1, config.decoderStartTokenId()).keep(new int[]{source});
        for (int token : generated) {
            sequences = sequences.advance(new int[]{0}, new int[]{token});
        }
        LogitsProcessorList.from(config).process(sequences, logits);
        if (!eosAllowed) {
            logits[0][config.eosTokenId()] = Float.NEGATIVE_INFINITY;
        }
        double logSumExp = LogProbabilities.logSumExp(logits[0]);
        return Arrays.stream(toDoubles(logits[0])).map(logit -> logit - logSumExp).toArray();
    }

    /** Greedy decoding of one source: argmax until EOS or the limit. */
    Hypothesis greedy(int source) {
        int[] generated = new int[0];
        double sum = 0;
        while (generated.length < config.maxNewTokens(source)) {
            double[] logProbs = logProbs(source, generated);
            int best = 0;
            for (int token = 1; token < logProbs.length; token++) {
                best = logProbs[token] > logProbs[best] ? token : best;
            }
            sum += logProbs[best];
            generated = append(generated, best);
            if (best == config.eosTokenId()) {
                break;
            }
        }
        return Hypothesis.of(generated, source, sum, config);
    }

    /** Every possible output of {@code source}, best first: exhaustive search, for tiny vocabularies only. */
    List<Hypothesis> exhaustive(int source) {
        List<Hypothesis> all = new ArrayList<>();
        expand(source, new int[0], 0, all, all, List.of());
        all.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return all;
    }

    /**
     * Every output of {@code source} that contains all {@code constraints}, best first, with EOS masked before
     * the softmax while a prefix still misses one, as constrained beam search scores them; those cut off at
     * the limit only when no output ends with EOS.
     */
    List<Hypothesis> exhaustive(int source, List<Constraint> constraints) {
        List<Hypothesis> ended = new ArrayList<>();
        List<Hypothesis> cut = new ArrayList<>();
        expand(source, new int[0], 0, ended, cut, constraints);
        ended.removeIf(hypothesis -> !containsAll(hypothesis.tokens(), constraints));
        cut.removeIf(hypothesis -> !containsAll(hypothesis.tokens(), constraints));
        List<Hypothesis> all = ended.isEmpty() ? cut : ended;
        all.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return all;
    }

    /** Whether {@code tokens} contains one alternative of every constraint as a contiguous run. */
    static boolean containsAll(int[] tokens, List<Constraint> constraints) {
        return constraints.stream().allMatch(constraint -> constraint.alternatives().stream()
                .anyMatch(alternative -> indexOf(tokens, alternative) >= 0));
    }

    static int indexOf(int[] tokens, int[] run) {
        for (int from = 0; from + run.length <= tokens.length; from++) {
            if (Arrays.equals(tokens, from, from + run.length, run, 0, run.length)) {
                return from;
            }
        }
        return -1;
    }

    private void expand(int source, int[] generated, double sum, List<Hypothesis> ended, List<Hypothesis> cut,
                        List<Constraint> constraints) {
        double[] logProbs = logProbs(source, generated, containsAll(generated, constraints));
        for (int token = 0; token < logProbs.length; token++) {
            if (logProbs[token] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            int[] next = append(generated, token);
            double nextSum = sum + logProbs[token];
            if (token == config.eosTokenId()) {
                ended.add(Hypothesis.of(next, source, nextSum, config));
            } else if (next.length == config.maxNewTokens(source)) {
                cut.add(Hypothesis.of(next, source, nextSum, config));
            } else {
                expand(source, next, nextSum, ended, cut, constraints);
            }
        }
    }

    /** The score {@code hypothesis} should have, recomputed token by token (EOS included when it ended one). */
    double rescore(int source, Hypothesis hypothesis) {
        int[] tokens = hypothesis.tokens();
        boolean endedWithEos = tokens.length < config.maxNewTokens(source);
        int[] generated = endedWithEos ? append(tokens, config.eosTokenId()) : tokens;
        double sum = 0;
        for (int i = 0; i < generated.length; i++) {
            sum += logProbs(source, Arrays.copyOf(generated, i))[generated[i]];
        }
        return Hypothesis.lengthNormalized(sum, tokens.length, config.lengthPenalty());
    }

    static int[] append(int[] tokens, int token) {
        int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
        longer[tokens.length] = token;
        return longer;
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
