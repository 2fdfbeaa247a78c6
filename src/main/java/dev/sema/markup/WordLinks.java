package dev.sema.markup;

import dev.sema.translation.AlignmentLink;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** An aligner's character links turned into links between whole words of the source and of the translation. */
final class WordLinks {

    private final List<BitSet> targetsOf;

    private WordLinks(List<BitSet> targetsOf) {
        this.targetsOf = targetsOf;
    }

    static WordLinks of(Words source, Words target, List<AlignmentLink> links, int sourceLength, int targetLength) {
        List<BitSet> targetsOf = new ArrayList<>(source.count());
        for (int i = 0; i < source.count(); i++) {
            targetsOf.add(new BitSet());
        }
        for (AlignmentLink link : links) {
            if (link.sourceEnd() > sourceLength || link.targetEnd() > targetLength) {
                continue; // an aligner's mistake must not cost the sentence
            }
            int[] s = source.overlapping(link.sourceStart(), link.sourceEnd());
            int[] t = target.overlapping(link.targetStart(), link.targetEnd());
            for (int i = s[0]; i <= s[1]; i++) {
                targetsOf.get(i).set(t[0], t[1] + 1);
            }
        }
        return new WordLinks(targetsOf);
    }

    /** Target words linked to any of the source words {@code [first, last]}. */
    BitSet targets(int first, int last) {
        BitSet all = new BitSet();
        for (int i = Math.max(0, first); i <= last && i < targetsOf.size(); i++) {
            all.or(targetsOf.get(i));
        }
        return all;
    }
}
