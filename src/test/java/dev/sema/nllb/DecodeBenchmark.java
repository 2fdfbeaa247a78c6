package dev.sema.nllb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times decoder steps and beam reorders on a model directory:
 * {@code DecodeBenchmark MODEL_DIR [sources=1] [beams=4] [steps=50] [threads=0] [variant=fp32]}
 * (variant: fp32 or quantized, {@link ModelVariant#parse}). Every step after the first
 * is followed by a beam reshuffle within each source (what beam search does), so the figures show what
 * {@code reorder} adds to a step. Token ids are fixed, not generated: the cost does not depend on them.
 */
public final class DecodeBenchmark {

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int sources = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int beams = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        ModelVariant variant = args.length > 5 ? ModelVariant.parse(args[5]) : ModelVariant.FP32;
        try (NllbModel model = NllbModel.load(dir, variant, new OrtSettings(threads, OrtSettings.parseOptLevel("all"), true))) {
            String text = "The quick brown fox jumps over the lazy dog, and then it runs away into the forest again.";
            List<long[]> ids = new ArrayList<>(Collections.nCopies(sources, model.tokenizer().encodeSource(text, "eng_Latn")));
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                EncodedBatch batch = model.encode(ids);
                long encoded = System.nanoTime();
                long stepNanos = 0;
                long reorderNanos = 0;
                try (NllbDecoderSession session = model.startDecoding(batch, beams)) {
                    int rows = session.rows();
                    int[] shuffle = new int[rows];
                    for (int r = 0; r < rows; r++) {
                        shuffle[r] = (r / beams) * beams + (r % beams + 1) % beams;
                    }
                    long[] tokens = new long[rows];
                    java.util.Arrays.fill(tokens, NllbTokenizer.EOS);
                    for (int step = 0; step < steps; step++) {
                        long t0 = System.nanoTime();
                        session.step(tokens);
                        long t1 = System.nanoTime();
                        if (beams > 1) {
                            session.reorder(shuffle);
                        }
                        reorderNanos += System.nanoTime() - t1;
                        stepNanos += t1 - t0;
                        java.util.Arrays.fill(tokens, 100 + step);
                    }
                }
                System.out.printf("%s %s round %d: %d source tokens x %d sources x %d beams: encode %.1f ms, step %.2f ms, "
                                + "reorder %.2f ms (mean of %d), live tensors after %d%n", dir.getFileName(),
                        variant.name().toLowerCase(Locale.ROOT), round, ids.get(0).length, sources, beams,
                        (encoded - start) / 1e6, stepNanos / 1e6 / steps, reorderNanos / 1e6 / steps, steps,
                        model.liveTensors());
            }
        }
    }
}
