package dev.sema.fasttext;

import java.io.IOException;

/**
 * The training arguments stored at the head of every fastText model (fastText {@code Args::load}); only the
 * fields that shape prediction are kept.
 *
 * @param dim        width of the hidden vector
 * @param wordNgrams longest word n-gram (1 = words only)
 * @param loss       output layer the model was trained with
 * @param bucket     number of hash buckets for character and word n-grams
 * @param minn       shortest character n-gram, in code points
 * @param maxn       longest character n-gram, in code points (0 = no subwords)
 */
public record FastTextArgs(int dim, int wordNgrams, Loss loss, int bucket, int minn, int maxn) {

    /** fastText's {@code loss_name} enum, numbered as in the file. */
    public enum Loss { HS, NS, SOFTMAX, OVA }

    private static final int SUPERVISED = 3;

    static FastTextArgs read(ModelReader in, int version) throws IOException {
        in.section("arguments");
        int dim = in.int32();
        in.int32(); // ws
        in.int32(); // epoch
        in.int32(); // minCount
        in.int32(); // neg
        int wordNgrams = in.int32();
        int loss = in.int32();
        int model = in.int32();
        int bucket = in.int32();
        int minn = in.int32();
        int maxn = in.int32();
        in.int32(); // lrUpdateRate
        in.float64(); // t
        if (model != SUPERVISED) {
            throw in.corrupt("model type " + model + " is not a supervised classifier (3); "
                    + "word-vector models (cbow, skipgram) cannot predict labels");
        }
        if (loss < 1 || loss > 4) {
            throw in.corrupt("unknown loss " + loss);
        }
        if (dim <= 0 || dim > 1 << 16 || bucket < 0 || wordNgrams < 1 || minn < 0 || maxn < 0) {
            throw in.corrupt("implausible arguments dim=" + dim + " bucket=" + bucket + " wordNgrams="
                    + wordNgrams + " minn=" + minn + " maxn=" + maxn);
        }
        // fastText: version-11 supervised models were trained without character n-grams.
        if (version == 11) {
            maxn = 0;
        }
        return new FastTextArgs(dim, wordNgrams, Loss.values()[loss - 1], bucket, minn, maxn);
    }
}
