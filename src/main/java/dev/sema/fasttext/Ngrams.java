package dev.sema.fasttext;

/**
 * How fastText turns tokens into n-gram rows of the input matrix: character n-grams of {@code "<" + token + ">"}
 * hashed into {@code bucket} buckets, word n-grams hashed from consecutive word hashes, both remapped through the
 * {@code pruneidx} of quantised models. Appends {@code nwords + bucket-row} ids.
 */
final class Ngrams {

    private final FastTextArgs args;
    private final int nwords;
    private final NgramIndex pruneIndex;

    Ngrams(FastTextArgs args, int nwords, NgramIndex pruneIndex) {
        this.args = args;
        this.nwords = nwords;
        this.pruneIndex = pruneIndex;
    }

    void addWordNgrams(Ints rows, Ints hashes) {
        int n = args.wordNgrams();
        for (int i = 0; i < hashes.size(); i++) {
            long h = hashes.get(i); // sign-extended, as fastText's uint64_t h = int32_t hash
            for (int j = i + 1; j < hashes.size() && j < i + n; j++) {
                h = h * 116049371L + hashes.get(j);
                pushHash(rows, (int) Long.remainderUnsigned(h, args.bucket()));
            }
        }
    }

    /** Character n-grams of {@code "<" + token + ">"} of minn..maxn code points; lone edge 1-grams skipped. */
    void addCharNgrams(byte[] b, int from, int to, Ints rows) {
        int len = to - from + 2; // the bracketed word, read through at() to avoid building it
        for (int i = 0; i < len; i++) {
            if ((at(b, from, len, i) & 0xC0) == 0x80) {
                continue;
            }
            int h = 0x811C9DC5;
            int j = i;
            for (int n = 1; j < len && n <= args.maxn(); n++) {
                h = (h ^ at(b, from, len, j++)) * 16777619;
                while (j < len && (at(b, from, len, j) & 0xC0) == 0x80) {
                    h = (h ^ at(b, from, len, j++)) * 16777619;
                }
                if (n >= args.minn() && !(n == 1 && (i == 0 || j == len))) {
                    pushHash(rows, Integer.remainderUnsigned(h, args.bucket()));
                }
            }
        }
    }

    /** Byte {@code k} of {@code "<" + b[from, from + len - 2) + ">"}. */
    private static byte at(byte[] b, int from, int len, int k) {
        return k == 0 ? (byte) '<' : k == len - 1 ? (byte) '>' : b[from + k - 1];
    }

    private void pushHash(Ints rows, int id) {
        int row = pruneIndex.map(id);
        if (row >= 0) {
            rows.add(nwords + row);
        }
    }
}
