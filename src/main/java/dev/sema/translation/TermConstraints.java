package dev.sema.translation;

import dev.sema.generation.Constraint;
import dev.sema.nllb.NllbTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Target terms as decoder constraints. A term is written by SentencePiece in two ways: as a word of its own
 * ({@code ▁Kenya ▁Power}, at a sentence's start or after a space) and glued to what precedes it, e.g. after an
 * opening quote or bracket ({@code Kenya ▁Power}); both are alternatives of one disjunctive constraint. A
 * spelling is only offered when the tokenizer decodes it back to the term exactly, so whichever alternative
 * the decoder emits, the translation contains the term verbatim.
 */
final class TermConstraints {

    /** Glued to this, the term's first piece loses its ▁; the prefix's own pieces are then dropped. */
    private static final String GLUE = "(";

    private final NllbTokenizer tokenizer;

    TermConstraints(NllbTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** One constraint per term that has an exact spelling; a term without one cannot be enforced. */
    List<Constraint> of(List<Term> terms) {
        List<Constraint> constraints = new ArrayList<>();
        for (Term term : terms) {
            List<int[]> spellings = spellings(term.target());
            if (!spellings.isEmpty()) {
                constraints.add(new Constraint(spellings));
            }
        }
        return constraints;
    }

    private List<int[]> spellings(String target) {
        List<int[]> spellings = new ArrayList<>();
        long[] word = tokenizer.encodePieces(target);
        if (decodesTo(word, target)) {
            spellings.add(toInts(word));
        }
        long[] prefix = tokenizer.encodePieces(GLUE);
        long[] glued = tokenizer.encodePieces(GLUE + target);
        if (glued.length > prefix.length && Arrays.equals(glued, 0, prefix.length, prefix, 0, prefix.length)) {
            long[] rest = Arrays.copyOfRange(glued, prefix.length, glued.length);
            if (decodesTo(rest, target) && !Arrays.equals(rest, word)) {
                spellings.add(toInts(rest));
            }
        }
        return spellings;
    }

    private boolean decodesTo(long[] ids, String target) {
        return ids.length > 0 && Arrays.stream(ids).noneMatch(id -> id == NllbTokenizer.UNK)
                && tokenizer.decode(ids).strip().equals(target);
    }

    private static int[] toInts(long[] ids) {
        return Arrays.stream(ids).mapToInt(Math::toIntExact).toArray();
    }
}
