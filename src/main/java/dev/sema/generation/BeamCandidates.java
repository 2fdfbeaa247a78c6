package dev.sema.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidates constrained beam search chooses from for one source (Post &amp; Vilar's step 1): the best
 * {@code 2 × numBeams} over all beams exactly as {@link BeamSearch} ranks them, plus for every live beam its
 * single best token and each token that advances its constraints. The extra ones are what keeps lower-scoring
 * banks populated: a hypothesis that has just met a constraint rarely scores among the global best.
 * Best first; on equal scores the global ranking's order, then beam and token order.
 */
final class BeamCandidates {

    /**
     * One way to extend beam {@code beam}: append {@code token}, reaching {@code score} and {@code state};
     * {@code beamBest} when {@code token} is the beam's own most likely next token.
     */
    record Candidate(int beam, int token, double score, ConstraintState state, boolean beamBest) {
    }

    private BeamCandidates() {
    }

    /**
     * @param logits     processed logits of every running row; rows {@code first .. first + numBeams} are read
     * @param beamScores running sums of those rows, indexed like {@code logits}
     * @param states     constraint states, indexed like {@code logits}
     */
    static List<Candidate> gather(float[][] logits, int first, int numBeams, double[] beamScores,
                                  ConstraintState[] states) {
        TopCandidates top = new TopCandidates(2 * numBeams);
        double[] offsets = new double[numBeams];
        int[] bestTokens = new int[numBeams];
        for (int beam = 0; beam < numBeams; beam++) {
            float[] row = logits[first + beam];
            bestTokens[beam] = GreedySearch.argmax(row);
            offsets[beam] = beamScores[first + beam] - LogProbabilities.logSumExp(row, row[bestTokens[beam]]);
            for (int token = 0; token < row.length; token++) {
                top.offer(offsets[beam] + row[token], beam * row.length + token);
            }
        }
        int vocab = logits[first].length;
        List<Candidate> candidates = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int rank = 0; rank < top.size(); rank++) {
            int beam = top.index(rank) / vocab;
            int token = top.index(rank) % vocab;
            seen.add(top.index(rank));
            candidates.add(new Candidate(beam, token, top.score(rank), states[first + beam].advance(token),
                    token == bestTokens[beam]));
        }
        for (int beam = 0; beam < numBeams; beam++) {
            if (beamScores[first + beam] <= BeamSearch.INACTIVE_BEAM_SCORE) {
                continue;
            }
            float[] row = logits[first + beam];
            addIfNew(candidates, seen, beam, bestTokens[beam], offsets[beam] + row[bestTokens[beam]], states[first + beam],
                    vocab, true);
            for (int token : states[first + beam].advancingTokens()) {
                addIfNew(candidates, seen, beam, token, offsets[beam] + row[token], states[first + beam], vocab,
                        token == bestTokens[beam]);
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return candidates;
    }

    /** A candidate the global ranking missed, unless the processors forbade it (−∞) or the row is masked (NaN). */
    private static void addIfNew(List<Candidate> candidates, Set<Integer> seen, int beam, int token, double score,
                                 ConstraintState state, int vocab, boolean beamBest) {
        if (score > Double.NEGATIVE_INFINITY && seen.add(beam * vocab + token)) {
            candidates.add(new Candidate(beam, token, score, state.advance(token), beamBest));
        }
    }
}
