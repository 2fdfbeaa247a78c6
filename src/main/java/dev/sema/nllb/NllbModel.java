package dev.sema.nllb;

import ai.onnxruntime.OrtEnvironment;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One loaded NLLB model: tokenizer, encoder and decoder sessions, and the numbers from its config files.
 * Thread-safe: sessions run concurrently (ORT sessions are), each {@link NllbDecoderSession} belongs to one
 * caller. Closing while decoding sessions are still in use is the caller's error (the model registry closes
 * a model only after its last lease).
 */
public final class NllbModel implements AutoCloseable {

    private final NllbModelFiles files;
    private final NllbConfig config;
    private final GenerationDefaults generationDefaults;
    private final NllbTokenizer tokenizer;
    private final NativeTensors tensors;
    private final NllbEncoder encoder;
    private final NllbDecoder decoder;
    private final Set<Integer> suppressedTokens;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NllbModel(NllbModelFiles files, NllbConfig config, GenerationDefaults generationDefaults,
                      NllbTokenizer tokenizer, NativeTensors tensors, NllbEncoder encoder, NllbDecoder decoder) {
        this.files = files;
        this.config = config;
        this.generationDefaults = generationDefaults;
        this.tokenizer = tokenizer;
        this.tensors = tensors;
        this.encoder = encoder;
        this.decoder = decoder;
        this.suppressedTokens = suppressedTokens(tokenizer, config, generationDefaults);
    }

    /**
     * Loads the model in {@code directory} (layout: {@link NllbModelFiles}).
     *
     * @throws NllbModelException naming the missing or inconsistent file
     */
    public static NllbModel load(Path directory, ModelVariant variant, OrtSettings settings) {
        NllbModelFiles files = NllbModelFiles.locate(directory, variant);
        NllbConfig config = NllbConfig.read(files.config());
        GenerationDefaults defaults = GenerationDefaults.read(files.generationConfig(), files.config());
        NativeTensors tensors = new NativeTensors(OrtEnvironment.getEnvironment());
        NllbTokenizer tokenizer = NllbTokenizer.load(files.sentencePiece(), files.tokenizerJson());
        if (tokenizer.size() > config.vocabSize()) {
            tokenizer.close();
            throw new NllbModelException(files.config() + ": vocab_size " + config.vocabSize() + " is smaller than the "
                    + tokenizer.size() + " tokens of " + files.sentencePiece().getFileName() + " plus languages");
        }
        NllbEncoder encoder = null;
        try (OrtSessions sessions = new OrtSessions(OrtEnvironment.getEnvironment(), settings)) {
            encoder = NllbEncoder.open(sessions, files.encoder(), config, tensors);
            NllbDecoder decoder = NllbDecoder.open(sessions, files, config, tensors);
            return new NllbModel(files, config, defaults, tokenizer, tensors, encoder, decoder);
        } catch (RuntimeException e) {
            tokenizer.close();
            if (encoder != null) {
                OrtSessions.closeQuietly(encoder);
            }
            throw e;
        }
    }

    /**
     * Runs the encoder once over model-id sources (see {@link NllbTokenizer#encodeSource}).
     *
     * @param sources each 1 to {@code max_position_embeddings} ids
     */
    public EncodedBatch encode(List<long[]> sources) {
        checkOpen();
        return encoder.encode(sources);
    }

    /**
     * A decoding session with {@code beamsPerRow} rows per source, grouped: rows {@code b·beams … b·beams+beams-1}
     * decode source {@code b}. The caller closes it.
     */
    public NllbDecoderSession startDecoding(EncodedBatch batch, int beamsPerRow) {
        checkOpen();
        if (beamsPerRow < 1) {
            throw new IllegalArgumentException("beamsPerRow must be >= 1, got " + beamsPerRow);
        }
        int[] sources = new int[batch.rows() * beamsPerRow];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = i / beamsPerRow;
        }
        return new NllbDecoderSession(decoder, tensors, batch, sources, config.vocabSize());
    }

    /**
     * Ids that never belong in a translation: every language tag (the forced target is applied after
     * suppression, so it still comes first), {@code <s>}, {@code <mask>}, the logits rows past the tokenizer
     * (NLLB's two unused ones), and {@code <unk>}: decoding drops it, so an {@code <unk>} would silently delete
     * a word, whereas suppressing it makes the model spell the word with known pieces. Computed once per model:
     * every batch needs it.
     */
    public Set<Integer> suppressedTokens() {
        return suppressedTokens;
    }

    private static Set<Integer> suppressedTokens(NllbTokenizer tokenizer, NllbConfig config,
                                                 GenerationDefaults defaults) {
        Set<Integer> ids = new HashSet<>();
        tokenizer.languages().codes().forEach(code -> ids.add(tokenizer.languageId(code)));
        ids.add(NllbTokenizer.BOS);
        ids.add(NllbTokenizer.UNK);
        ids.add(tokenizer.languages().maskId());
        for (int id = tokenizer.size(); id < config.vocabSize(); id++) {
            ids.add(id);
        }
        ids.remove(defaults.eosTokenId());
        return Set.copyOf(ids);
    }

    public NllbTokenizer tokenizer() {
        return tokenizer;
    }

    public NllbConfig config() {
        return config;
    }

    public GenerationDefaults generationDefaults() {
        return generationDefaults;
    }

    public NllbModelFiles files() {
        return files;
    }

    /** Whether the merged decoder is used (rather than the decoder / decoder-with-past pair). */
    public boolean mergedDecoder() {
        return decoder.merged();
    }

    /** Native tensors of this model not yet closed: 0 when no encoding or decoding session is open. */
    public int liveTensors() {
        return tensors.live();
    }

    /** Closes the sessions and the tokenizer; idempotent. The shared {@code OrtEnvironment} stays open. */
    @Override
    public void close() {
        if (!closed.getAndSet(true)) {
            OrtSessions.closeQuietly(encoder);
            OrtSessions.closeQuietly(decoder);
            tokenizer.close();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("Model " + files.directory() + " is closed");
        }
    }
}
