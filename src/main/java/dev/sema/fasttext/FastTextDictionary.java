package dev.sema.fasttext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary of a fastText model and its mapping from text to input-matrix rows, byte for byte as
 * fastText's {@code Dictionary::getLine}: FNV-1a over sign-extended bytes, open addressing over
 * {@code ceil(size / 0.7)} slots, UTF-8-aware character n-grams of {@code "<" + word + ">"}, word n-gram
 * hashing, and the {@code pruneidx} remapping of quantised ({@code .ftz}) models. Immutable after loading.
 */
public final class FastTextDictionary {

    static final byte[] EOS = {'<', '/', 's', '>'};
    private static final byte[] LABEL_PREFIX = "__label__".getBytes(StandardCharsets.US_ASCII);

    private final FastTextArgs args;
    private final byte[][] words;
    private final long[] counts;
    private final int nwords;
    private final int nlabels;
    private final int[] word2int;
    private final int[][] subwords;
    private final NgramIndex pruneIndex;
    private final Ngrams ngrams;

    private FastTextDictionary(FastTextArgs args, byte[][] words, long[] counts, int nwords, int nlabels,
                               NgramIndex pruneIndex) {
        this.args = args;
        this.words = words;
        this.counts = counts;
        this.nwords = nwords;
        this.nlabels = nlabels;
        this.pruneIndex = pruneIndex;
        this.ngrams = new Ngrams(args, nwords, pruneIndex);
        this.word2int = new int[(int) Math.ceil(words.length / 0.7)];
        Arrays.fill(word2int, -1);
        for (int i = 0; i < words.length; i++) {
            word2int[find(words[i], 0, words[i].length, hash(words[i], 0, words[i].length))] = i;
        }
        this.subwords = new int[nwords][];
        Ints scratch = new Ints(32);
        for (int i = 0; i < nwords; i++) {
            scratch.clear();
            scratch.add(i);
            if (!Arrays.equals(words[i], EOS)) {
                ngrams.addCharNgrams(words[i], 0, words[i].length, scratch);
            }
            subwords[i] = scratch.toArray();
        }
    }

    static FastTextDictionary read(ModelReader in, FastTextArgs args) throws IOException {
        in.section("dictionary");
        int size = in.int32();
        int nwords = in.int32();
        int nlabels = in.int32();
        in.int64(); // ntokens
        long pruneSize = in.int64();
        if (size < 0 || nwords < 0 || nlabels <= 0 || nwords + nlabels != size || pruneSize < -1
                || pruneSize > args.bucket()) {
            throw in.corrupt("inconsistent dictionary header size=" + size + " nwords=" + nwords + " nlabels="
                    + nlabels + " pruneidx_size=" + pruneSize);
        }
        byte[][] words = new byte[size][];
        long[] counts = new long[size];
        for (int i = 0; i < size; i++) {
            words[i] = in.cString();
            counts[i] = in.int64();
            byte type = in.int8();
            if (type != (i < nwords ? 0 : 1)) {
                throw in.corrupt("entry " + i + " has type " + type + "; words must precede the " + nlabels
                        + " labels");
            }
        }
        in.section("pruned n-gram index");
        NgramIndex pruneIndex = NgramIndex.read(in, pruneSize);
        return new FastTextDictionary(args, words, counts, nwords, nlabels, pruneIndex);
    }

    public int nwords() {
        return nwords;
    }

    public int nlabels() {
        return nlabels;
    }

    /** Rows of n-gram buckets in the input matrix after {@code nwords} word rows. */
    long ngramRows() {
        return pruneIndex.pruned() ? pruneIndex.size() : args.bucket();
    }

    boolean pruned() {
        return pruneIndex.pruned();
    }

    /** Label {@code i} (0-based over labels) with fastText's {@code __label__} prefix removed. */
    public String label(int i) {
        byte[] w = words[nwords + i];
        int skip = startsWith(w, 0, w.length, LABEL_PREFIX) ? LABEL_PREFIX.length : 0;
        return new String(w, skip, w.length - skip, StandardCharsets.UTF_8);
    }

    public List<String> labels() {
        List<String> out = new ArrayList<>(nlabels);
        for (int i = 0; i < nlabels; i++) {
            out.add(label(i));
        }
        return List.copyOf(out);
    }

    /** Training counts of the labels, in label order: the hierarchical softmax builds its tree from them. */
    long[] labelCounts() {
        return Arrays.copyOfRange(counts, nwords, counts.length);
    }

    /**
     * Appends the input rows for one line of UTF-8 text, as {@code getLine} does for a line ending in
     * {@code '\n'}: tokens split on the seven fastText separators, then {@code </s>}. Reading stops at the first
     * newline or at a literal {@code </s>} token, exactly where fastText ends a line.
     */
    void lineToRows(byte[] text, Ints rows, Ints wordHashes) {
        int i = 0;
        int n = text.length;
        while (i < n) {
            byte c = text[i];
            if (c == '\n') {
                break;
            }
            if (isSeparator(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !isSeparator(text[i])) {
                i++;
            }
            addToken(text, start, i, rows, wordHashes);
            if (isEos(text, start, i)) {
                ngrams.addWordNgrams(rows, wordHashes);
                return;
            }
        }
        addToken(EOS, 0, EOS.length, rows, wordHashes);
        ngrams.addWordNgrams(rows, wordHashes);
    }

    private static boolean isSeparator(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0x0b || c == '\f' || c == 0;
    }

    private void addToken(byte[] b, int from, int to, Ints rows, Ints wordHashes) {
        int h = hash(b, from, to);
        int wid = word2int[find(b, from, to, h)];
        boolean label = wid < 0 ? startsWith(b, from, to, LABEL_PREFIX) : wid >= nwords;
        if (label) {
            return; // fastText drops label tokens from the input
        }
        if (wid < 0) {
            if (!isEos(b, from, to)) {
                ngrams.addCharNgrams(b, from, to, rows);
            }
        } else if (args.maxn() <= 0) {
            rows.add(wid);
        } else {
            rows.addAll(subwords[wid]);
        }
        wordHashes.add(h);
    }

    /** FNV-1a over sign-extended bytes ({@code h ^= uint32_t(int8_t(c))}): Java's byte is already signed. */
    static int hash(byte[] b, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 16777619;
        }
        return h;
    }

    private int find(byte[] b, int from, int to, int h) {
        int slots = word2int.length;
        int id = Integer.remainderUnsigned(h, slots);
        while (word2int[id] != -1 && !Arrays.equals(words[word2int[id]], 0, words[word2int[id]].length, b, from, to)) {
            id = (id + 1) % slots;
        }
        return id;
    }

    private static boolean isEos(byte[] b, int from, int to) {
        return Arrays.equals(b, from, to, EOS, 0, EOS.length);
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        return to - from >= prefix.length && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
    }
}
