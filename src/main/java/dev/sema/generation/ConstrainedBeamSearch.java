package dev.sema.generation;

import dev.sema.generation.BeamCandidates.Candidate;

import java.util.Arrays;
import java.util.List;

/**
 * Beam search with positive lexical constraints by Post &amp; Vilar's dynamic beam allocation (NAACL 2018):
 * the same {@code numBeams} session rows per source as {@link BeamSearch}, but the next beams are chosen
 * bank by bank, a bank holding the candidates that have met the same number of constraint tokens
 * ({@link ConstraintState#progress}), with the slots split by {@link BankAllocation}. Each hypothesis carries
 * its {@link ConstraintState}; EOS is masked for a hypothesis until all its constraints are met, so every
 * finished hypothesis contains each constraint (one of its alternatives) verbatim.
 *
 * <p>The most advanced bank always keeps a slot and is always offered the token that advances it, so a
 * row whose limit leaves room for its constraint tokens after the forced first token meets them all. When it
 * does not (a constraint longer than what is left of the limit), the row stops at its limit like any other:
 * when no hypothesis has ended with EOS, its running beams that met every constraint become truncated
 * hypotheses, and only when none did, the others, so the caller gets the best attempt rather than nothing
 * and can see the term missing.
 *
 * <p>A constrained source keeps only {@code numReturnSequences} finished hypotheses, not {@code numBeams}:
 * the banks leave complete hypotheses few slots, so waiting for {@code numBeams} of them to finish would run
 * most rows to their limit. Early stopping then compares them with the running beams that met every
 * constraint, the only ones that could still beat them.
 *
 * <p>A source without constraints has a single bank and no extra candidate can outrank the global top
 * {@code 2 × numBeams}, so it decodes exactly as {@link BeamSearch} would.
 */
public final class ConstrainedBeamSearch implements SearchStrategy {

    private final GenerationConfig config;
    private final int numBeams;
    private final BeamHypotheses[] hypotheses;
    private final int[] totals;
    private final boolean[] done;
    private double[] beamScores;
    private ConstraintState[] states;
    private double[] nextBeamScores;
    private ConstraintState[] nextStates;

    ConstrainedBeamSearch(GenerationConfig config, int batchSize) {
        this.config = config;
        this.numBeams = config.numBeams();
        this.hypotheses = new BeamHypotheses[batchSize];
        this.totals = new int[batchSize];
        this.done = new boolean[batchSize];
        this.beamScores = new double[batchSize * numBeams];
        this.states = new ConstraintState[batchSize * numBeams];
        for (int source = 0; source < batchSize; source++) {
            totals[source] = ConstraintState.total(config.constraints(source));
            hypotheses[source] = new BeamHypotheses(totals[source] == 0 ? numBeams : config.numReturnSequences(),
                    config.lengthPenalty(), config.earlyStopping(), config.maxNewTokens(source));
            Arrays.fill(beamScores, source * numBeams + 1, (source + 1) * numBeams, BeamSearch.INACTIVE_BEAM_SCORE);
            Arrays.fill(states, source * numBeams, (source + 1) * numBeams, ConstraintState.start(config.constraints(source)));
        }
    }

    @Override
    public int rowsPerSource() {
        return numBeams;
    }

    @Override
    public Selection select(Sequences sequences, float[][] logits) {
        int rows = sequences.rows();
        int[] fromRows = new int[rows];
        int[] tokens = new int[rows];
        nextBeamScores = new double[rows];
        nextStates = new ConstraintState[rows];
        for (int first = 0; first < rows; first += numBeams) {
            for (int row = first; row < first + numBeams; row++) {
                if (!states[row].allMet()) {
                    logits[row][config.eosTokenId()] = Float.NEGATIVE_INFINITY;
                }
            }
            int source = sequences.source(first);
            List<Candidate> candidates = BeamCandidates.gather(logits, first, numBeams, beamScores, states);
            int[] chosen = choose(candidates, source, sequences, first);
            double bestMet = Double.NEGATIVE_INFINITY;
            for (int slot = 0; slot < numBeams; slot++) {
                Candidate candidate = candidates.get(chosen[slot]);
                fromRows[first + slot] = first + candidate.beam();
                tokens[first + slot] = candidate.token();
                nextBeamScores[first + slot] = candidate.score();
                nextStates[first + slot] = candidate.state();
                if (candidate.state().allMet()) {
                    bestMet = Math.max(bestMet, candidate.score());
                }
            }
            // Only hypotheses that met every constraint may finish, so only they can beat the finished ones.
            done[source] = hypotheses[source].isDone(bestMet, sequences.length(first) + 1);
        }
        return new Selection(fromRows, tokens);
    }

    /**
     * Walks the candidates best first and gives each bank its slots; an EOS candidate within its bank's slots
     * becomes a finished hypothesis (as an EOS within the first {@code numBeams} does in {@link BeamSearch}).
     * With constraints, so does EOS as a complete hypothesis's own most likely token: the top bank has few
     * slots, and hypotheses that have just met the constraints would otherwise keep taking them from it.
     * Slots a bank could not fill go to the best candidates left, whatever their bank.
     *
     * @return {@code [numBeams]} indices into {@code candidates}, best first
     */
    private int[] choose(List<Candidate> candidates, int source, Sequences sequences, int first) {
        int banks = totals[source] + 1;
        int[] counts = new int[banks];
        for (Candidate candidate : candidates) {
            counts[candidate.state().progress()]++;
        }
        int[] sizes = BankAllocation.sizes(numBeams, counts);
        int[] seen = new int[banks];
        int[] taken = new int[banks];
        boolean[] picked = new boolean[candidates.size()];
        int filled = 0;
        for (int index = 0; index < candidates.size() && filled < numBeams; index++) {
            Candidate candidate = candidates.get(index);
            int bank = candidate.state().progress();
            if (candidate.token() == config.eosTokenId()) {
                if (seen[bank] < sizes[bank] || (banks > 1 && candidate.beamBest())) {
                    finish(sequences, first + candidate.beam(), candidate, source);
                }
            } else if (taken[bank] < sizes[bank]) {
                picked[index] = true;
                taken[bank]++;
                filled++;
            }
            seen[bank]++;
        }
        for (int index = 0; index < candidates.size() && filled < numBeams; index++) {
            if (!picked[index] && candidates.get(index).token() != config.eosTokenId()) {
                picked[index] = true;
                filled++;
            }
        }
        if (filled < numBeams) {
            throw new IllegalStateException(candidates.size() + " candidates cannot fill " + numBeams + " beams");
        }
        int[] chosen = new int[numBeams];
        for (int index = 0, slot = 0; slot < numBeams; index++) {
            if (picked[index]) {
                chosen[slot++] = index;
            }
        }
        return chosen;
    }

    private void finish(Sequences sequences, int row, Candidate candidate, int source) {
        hypotheses[source].add(Hypothesis.of(sequences.tokensWith(row, candidate.token()), source, candidate.score(),
                config));
    }

    @Override
    public int[] retire(Sequences next, StoppingCriteria criteria) {
        int[] running = BeamSearch.running(next, numBeams, done, criteria,
                first -> keepAtLimit(next, first, next.source(first)));
        beamScores = Arrays.stream(running).mapToDouble(row -> nextBeamScores[row]).toArray();
        states = Arrays.stream(running).mapToObj(row -> nextStates[row]).toArray(ConstraintState[]::new);
        return running;
    }

    /**
     * What a source at its limit adds: without constraints, all running beams (as {@link BeamSearch}); with
     * them, nothing when a hypothesis already ended with EOS (a complete sentence beats one cut off), else the
     * running beams that met every constraint, and only when none did, the others.
     */
    private void keepAtLimit(Sequences next, int first, int source) {
        if (totals[source] > 0 && !hypotheses[source].best(1).isEmpty()) {
            return;
        }
        for (int row = first; row < first + numBeams; row++) {
            if (nextStates[row].allMet()) {
                hypotheses[source].add(Hypothesis.of(next.tokens(row), source, nextBeamScores[row], config));
            }
        }
        if (hypotheses[source].best(1).isEmpty()) {
            for (int row = first; row < first + numBeams; row++) {
                hypotheses[source].add(Hypothesis.of(next.tokens(row), source, nextBeamScores[row], config));
            }
        }
    }

    @Override
    public List<List<Hypothesis>> finalizeHypotheses() {
        return Arrays.stream(hypotheses).map(kept -> kept.best(config.numReturnSequences())).toList();
    }
}
