package dev.sema.nllb;

/**
 * A text's encoder input ({@link NllbTokenizer#encodeSource}) with, for each id, the characters of the text it
 * spells (UTF-16 offsets, ends exclusive). The language token, {@code </s>} and pieces that are only a word
 * boundary spell none: their start and end are -1.
 */
public record SpannedTokens(long[] ids, int[] starts, int[] ends) {

    public SpannedTokens {
        if (starts.length != ids.length || ends.length != ids.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + starts.length + " starts and " + ends.length
                    + " ends");
        }
    }

    public int size() {
        return ids.length;
    }

    /** Whether token {@code index} spells characters of the text. */
    public boolean spellsText(int index) {
        return starts[index] >= 0;
    }

    public int start(int index) {
        return starts[index];
    }

    public int end(int index) {
        return ends[index];
    }
}
