package dev.sema.fasttext;

import java.io.IOException;
import java.util.Arrays;

/**
 * The {@code pruneidx} of a quantised model: which n-gram buckets survived pruning and which compact row each
 * now has. Unpruned models ({@code pruneidx_size = -1}) keep every bucket; a bucket missing from a pruned
 * model's index is dropped from the input, as in fastText's {@code Dictionary::pushHash}.
 */
final class NgramIndex {

    private static final NgramIndex UNPRUNED = new NgramIndex(null, null);

    private final int[] buckets;
    private final int[] rows;

    private NgramIndex(int[] buckets, int[] rows) {
        this.buckets = buckets;
        this.rows = rows;
    }

    static NgramIndex read(ModelReader in, long size) throws IOException {
        if (size < 0) {
            return UNPRUNED;
        }
        long[] pairs = new long[(int) size];
        for (int i = 0; i < size; i++) {
            int bucket = in.int32();
            int row = in.int32();
            if (bucket < 0 || row < 0 || row >= size) {
                throw in.corrupt("pair " + i + " maps bucket " + bucket + " to row " + row);
            }
            pairs[i] = ((long) bucket << 32) | row;
        }
        Arrays.sort(pairs);
        int[] buckets = new int[pairs.length];
        int[] rows = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            buckets[i] = (int) (pairs[i] >>> 32);
            rows[i] = (int) pairs[i];
            if (i > 0 && buckets[i] == buckets[i - 1]) {
                throw in.corrupt("bucket " + buckets[i] + " appears twice");
            }
        }
        return new NgramIndex(buckets, rows);
    }

    boolean pruned() {
        return buckets != null;
    }

    int size() {
        return buckets == null ? -1 : buckets.length;
    }

    /** @return the row offset (after the word rows) for a hash bucket, or -1 when the bucket was pruned */
    int map(int bucket) {
        if (buckets == null) {
            return bucket;
        }
        int i = Arrays.binarySearch(buckets, bucket);
        return i >= 0 ? rows[i] : -1;
    }
}
