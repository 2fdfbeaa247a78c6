package dev.sema.alignment;

/**
 * One side of a pair to align: the text, and for each of its pieces that spell characters (special tokens
 * and bare word boundaries left out), in text order, the characters it spells and the encoder's vector of it.
 *
 * @param starts per piece, its first character in {@code text} (UTF-16)
 * @param ends   per piece, the end (exclusive) of its characters
 * @param states per piece, its vector; all of one width
 */
record EncodedText(String text, int[] starts, int[] ends, float[][] states) {

    EncodedText {
        if (starts.length != ends.length || starts.length != states.length) {
            throw new IllegalArgumentException(starts.length + " starts, " + ends.length + " ends and "
                    + states.length + " vectors");
        }
    }

    int pieces() {
        return starts.length;
    }
}
