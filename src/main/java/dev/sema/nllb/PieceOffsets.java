package dev.sema.nllb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Traces SentencePiece pieces back to the characters of the original text they spell, so that anything said
 * about a piece (an alignment link) can be said about exact characters.
 *
 * <p>The pieces spell the normalized text ({@link NormalizedChars}) with {@code ▁} for word boundaries, and
 * the normalizer may have dropped white space (leading, repeated, trailing) and control characters. So each
 * known piece, without its {@code ▁}, is matched against the normalized characters from where the previous one
 * ended, skipping such characters where they do not match. Pieces without a known spelling (SentencePiece's
 * {@code <unk>}, byte-fallback pieces {@code <0xNN>}) are wildcards: they stand for the characters between the
 * known pieces around them. The next known piece is looked for from where the last one ended, which cannot
 * match inside the wildcards' characters: a character SentencePiece has a piece for never becomes {@code <unk>}
 * or bytes. A gap holding several runs of wildcards separated by bare {@code ▁} gives each run one of its
 * space-separated words when the counts agree, else every run the whole gap. A piece that is only {@code ▁},
 * and wildcards for white space, cover no character. When a known piece does not match, the text is not one
 * these pieces spell (a normalization this class does not model), and the answer is empty rather than a guess.
 */
final class PieceOffsets {

    private static final char WORD_BOUNDARY = '\u2581';

    /**
     * @param starts per piece, the first character of the original it spells; -1 when it spells none
     * @param ends   per piece, the end (exclusive) of those characters; -1 when it spells none
     */
    record Spans(int[] starts, int[] ends) {
    }

    private PieceOffsets() {
    }

    /**
     * @param nfkc   whether the model's normalizer applies NFKC ({@link NormalizedChars})
     * @param pieces per piece its spelling, or null when unknown (unk and byte pieces)
     * @return the original characters of each piece; empty when the pieces do not spell {@code text}
     */
    static Optional<Spans> locate(String text, boolean nfkc, List<String> pieces) {
        NormalizedChars normalized = NormalizedChars.of(text, nfkc);
        int[] starts = new int[pieces.size()];
        int[] ends = new int[pieces.size()];
        Arrays.fill(starts, -1);
        Arrays.fill(ends, -1);
        Gap gap = new Gap(0);
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i) == null) {
                gap.addWildcard(i);
                continue;
            }
            String spelling = spelling(pieces.get(i));
            if (spelling.isEmpty()) {
                gap.addBoundary();
                continue;
            }
            int[] match = gap.isEmpty() ? match(normalized, gap.from, spelling) : search(normalized, gap.from, spelling);
            if (match == null) {
                return Optional.empty();
            }
            gap.assign(normalized, match[0], starts, ends);
            starts[i] = normalized.originStart(match[0]);
            ends[i] = normalized.originEnd(match[1] - 1);
            gap = new Gap(match[1]);
        }
        gap.assign(normalized, normalized.length(), starts, ends);
        return Optional.of(new Spans(starts, ends));
    }

    private static String spelling(String piece) {
        return piece.indexOf(WORD_BOUNDARY) < 0 ? piece : piece.replace(String.valueOf(WORD_BOUNDARY), "");
    }

    /** The first match of {@code spelling} at or after {@code from}; null when there is none. */
    private static int[] search(NormalizedChars normalized, int from, String spelling) {
        for (int at = from; at < normalized.length(); at++) {
            int[] match = match(normalized, at, spelling);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    /**
     * Matches {@code spelling} from {@code from}, skipping skippable characters that do not match.
     *
     * @return {@code [start, end)} of the match in normalized characters, or null
     */
    private static int[] match(NormalizedChars normalized, int from, String spelling) {
        int at = from;
        int start = -1;
        for (int k = 0; k < spelling.length(); k++) {
            char wanted = spelling.charAt(k);
            while (at < normalized.length() && normalized.charAt(at) != wanted && normalized.skippable(at)) {
                at++;
            }
            if (at == normalized.length() || normalized.charAt(at) != wanted) {
                return null;
            }
            if (start < 0) {
                start = at;
            }
            at++;
        }
        return new int[]{start, at};
    }

    /** The wildcard runs met since the last known piece, and where that piece ended. */
    private static final class Gap {
        private final int from;
        private final List<List<Integer>> runs = new ArrayList<>();
        private boolean boundary;

        Gap(int from) {
            this.from = from;
        }

        boolean isEmpty() {
            return runs.isEmpty();
        }

        void addWildcard(int piece) {
            if (runs.isEmpty() || boundary) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(piece);
            boundary = false;
        }

        void addBoundary() {
            boundary = true;
        }

        /** Gives the runs the characters {@code [from, to)}: a word each when the counts agree, else all of it. */
        void assign(NormalizedChars normalized, int to, int[] starts, int[] ends) {
            if (runs.isEmpty()) {
                return;
            }
            List<int[]> words = words(normalized, from, to);
            for (int r = 0; r < runs.size(); r++) {
                int[] range = words.size() == runs.size() ? words.get(r)
                        : words.isEmpty() ? null : new int[]{words.get(0)[0], words.get(words.size() - 1)[1]};
                for (int piece : runs.get(r)) {
                    if (range != null) {
                        starts[piece] = normalized.originStart(range[0]);
                        ends[piece] = normalized.originEnd(range[1] - 1);
                    }
                }
            }
        }

        /** The maximal runs of characters in {@code [from, to)} that are not skippable. */
        private static List<int[]> words(NormalizedChars normalized, int from, int to) {
            List<int[]> words = new ArrayList<>();
            int at = from;
            while (at < to) {
                while (at < to && normalized.skippable(at)) {
                    at++;
                }
                int start = at;
                while (at < to && !normalized.skippable(at)) {
                    at++;
                }
                if (at > start) {
                    words.add(new int[]{start, at});
                }
            }
            return words;
        }
    }
}
