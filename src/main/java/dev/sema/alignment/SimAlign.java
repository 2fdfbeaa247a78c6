package dev.sema.alignment;

import dev.sema.translation.AlignmentLink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Word alignment from contextual vectors in the manner of SimAlign (Jalili Sabet et al., 2020): 1. score every
 * source piece against every target piece ({@link SimilarityMatrix}); 2. keep the mutual best pairs
 * ({@link Matching}); 3. report each linked pair of pieces as a link between the words they belong to
 * ({@link Words}), each word pair once. A word is linked when any of its pieces is, SimAlign's rule for
 * sub-word models.
 *
 * @param matching   the matching of step 2
 * @param distortion the positional preference κ of step 1
 */
record SimAlign(Matching matching, double distortion) {

    /** SimAlign's distortion default, 0.5 ({@code apply_distortion}'s ratio). */
    static final double DEFAULT_DISTORTION = 0.5;

    /** @return links between words of the two texts, by source then target position; empty when a side has no piece */
    List<AlignmentLink> align(EncodedText source, EncodedText target) {
        if (source.pieces() == 0 || target.pieces() == 0) {
            return List.of();
        }
        double[][] scores = SimilarityMatrix.of(source.states(), target.states(), distortion);
        Words sourceWords = Words.of(source.text(), source.starts(), source.ends());
        Words targetWords = Words.of(target.text(), target.starts(), target.ends());
        Set<AlignmentLink> links = new LinkedHashSet<>();
        for (TokenLink link : matching.links(scores)) {
            int s = sourceWords.wordOf(link.source());
            int t = targetWords.wordOf(link.target());
            links.add(new AlignmentLink(sourceWords.start(s), sourceWords.end(s), targetWords.start(t),
                    targetWords.end(t)));
        }
        List<AlignmentLink> sorted = new ArrayList<>(links);
        sorted.sort(Comparator.comparingInt(AlignmentLink::sourceStart).thenComparingInt(AlignmentLink::targetStart));
        return List.copyOf(sorted);
    }
}
