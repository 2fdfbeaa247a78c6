package dev.sema.fasttext;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fastText supervised classifier ({@code .bin} or quantised {@code .ftz}) that predicts what
 * {@code fasttext predict-prob} prints. Immutable once loaded and safe to share between threads: every
 * prediction allocates its own small scratch arrays, and large matrices are read through memory mappings.
 */
public final class FastTextModel implements AutoCloseable {

    private static final int MAGIC = 793712314;
    private static final int VERSION = 12;

    private final Path file;
    private final int version;
    private final FastTextArgs args;
    private final FastTextDictionary dictionary;
    private final Matrix input;
    private final Matrix output;
    private final OutputLayer outputLayer;
    private final Duration loadTime;

    private FastTextModel(Path file, int version, FastTextArgs args, FastTextDictionary dictionary, Matrix input,
                          Matrix output, Duration loadTime) {
        this.file = file;
        this.version = version;
        this.args = args;
        this.dictionary = dictionary;
        this.input = input;
        this.output = output;
        this.outputLayer = OutputLayer.of(args.loss(), output, dictionary.labelCounts());
        this.loadTime = loadTime;
    }

    /**
     * @throws FastTextModelException naming the file and what is wrong: missing, bad magic, unsupported
     *                                version, not supervised, truncated in which section, inconsistent sizes
     */
    public static FastTextModel load(Path file) throws IOException {
        return load(file, Integer.MAX_VALUE);
    }

    /** @param chunkBytes most bytes per buffer of a dense matrix; small values test the multi-buffer path */
    static FastTextModel load(Path file, long chunkBytes) throws IOException {
        long started = System.nanoTime();
        if (!Files.isRegularFile(file)) {
            throw new FastTextModelException(file, Files.exists(file) ? "not a regular file" : "file does not exist");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ModelReader in = new ModelReader(file, channel);
            int magic = in.int32();
            if (magic != MAGIC) {
                throw new FastTextModelException(file, "bad magic number " + magic + " (expected " + MAGIC
                        + "): not a fastText model");
            }
            int version = in.int32();
            if (version != 11 && version != VERSION) {
                throw new FastTextModelException(file, "unsupported fastText format version " + version
                        + " (supported: 11, 12)");
            }
            FastTextArgs args = FastTextArgs.read(in, version);
            FastTextDictionary dictionary = FastTextDictionary.read(in, args);
            in.section("input matrix");
            boolean quantInput = in.bool();
            if (!quantInput && dictionary.pruned()) {
                throw in.corrupt("pruned dictionary with an unquantised input matrix (fastText issue #332)");
            }
            long inputRows = (long) dictionary.nwords() + dictionary.ngramRows();
            Matrix input = quantInput ? QuantizedMatrix.read(in, inputRows, args.dim())
                    : DenseMatrix.read(in, inputRows, args.dim(), chunkBytes);
            in.section("output matrix");
            boolean quantOutput = in.bool();
            Matrix output = quantOutput && quantInput ? QuantizedMatrix.read(in, dictionary.nlabels(), args.dim())
                    : DenseMatrix.read(in, dictionary.nlabels(), args.dim(), chunkBytes);
            if (in.position() != in.size()) {
                throw new FastTextModelException(file, (in.size() - in.position())
                        + " unexpected bytes after the output matrix (corrupt or not a fastText model)");
            }
            return new FastTextModel(file, version, args, dictionary, input, output,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (NoSuchFileException e) {
            throw new FastTextModelException(file, "file does not exist", e);
        }
    }

    /**
     * Predicts like {@code fasttext predict-prob model - k threshold} on one line of text. Like fastText, reading
     * stops at the first {@code '\n'} and at a literal {@code </s>} token, so callers should replace newlines
     * first.
     *
     * @param k         most labels returned (fewer when the hierarchical softmax prunes improbable ones)
     * @param threshold least probability returned (fastText's default is 0)
     * @return best first; empty when the line has no known token and no n-gram
     */
    public List<Prediction> predict(String text, int k, float threshold) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        Ints rows = new Ints(64);
        dictionary.lineToRows(text.getBytes(StandardCharsets.UTF_8), rows, new Ints(16));
        if (rows.size() == 0) {
            return List.of();
        }
        float[] hidden = new float[args.dim()];
        for (int i = 0; i < rows.size(); i++) {
            input.addRowTo(hidden, rows.get(i));
        }
        float scale = (float) (1.0 / rows.size());
        for (int j = 0; j < hidden.length; j++) {
            hidden[j] *= scale;
        }
        TopK heap = new TopK(Math.min(k, dictionary.nlabels()));
        outputLayer.predict(hidden, threshold, heap, dictionary.nlabels());
        List<Prediction> out = new ArrayList<>(heap.size());
        for (int i = 0; i < heap.size(); i++) {
            out.add(new Prediction(dictionary.label(heap.id(i)), (float) Math.exp(heap.score(i))));
        }
        return out;
    }

    public List<Prediction> predict(String text, int k) {
        return predict(text, k, 0f);
    }

    public Path file() {
        return file;
    }

    public int version() {
        return version;
    }

    public FastTextArgs args() {
        return args;
    }

    public List<String> labels() {
        return dictionary.labels();
    }

    public int nwords() {
        return dictionary.nwords();
    }

    public boolean quantized() {
        return input instanceof QuantizedMatrix;
    }

    public boolean quantizedOutput() {
        return output instanceof QuantizedMatrix;
    }

    /** Wall time of {@link #load}, parsing plus mapping. */
    public Duration loadTime() {
        return loadTime;
    }

    /**
     * Nothing to free eagerly: the matrices are heap arrays or read-only memory mappings, and Java unmaps a
     * mapping only when it is garbage collected. Implemented so the model fits the lease-counted
     * {@link dev.sema.models.ModelSlot}, which closes retired models.
     */
    @Override
    public void close() {
    }
}
