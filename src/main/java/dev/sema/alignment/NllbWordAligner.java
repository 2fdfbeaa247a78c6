package dev.sema.alignment;

import dev.sema.failure.ModelUnavailableException;
import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.EncodedBatch;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.NllbTokenizer;
import dev.sema.nllb.SpannedTokens;
import dev.sema.translation.AlignmentLink;
import dev.sema.translation.WordAligner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Aligns a text and its translation with the encoder of the serving translation model, as SimAlign does with
 * a multilingual encoder: NLLB's encoder maps a sentence and its translation into one space, so a word and
 * its translation get similar vectors. Needs nothing but the model already loaded: no second model, no
 * re-export, and one encoder run per pair (both texts padded into one batch), which is small next to
 * decoding the translation.
 *
 * <p>Stages: 1. lease the translation model (so a hot reload never closes it mid-run, as for translating);
 * 2. tokenize each text with its own language token, as the engine encodes a source, and trace each piece to
 * its characters ({@link NllbTokenizer#encodeSourceWithSpans}); 3. run the encoder once over both; 4. align
 * the pieces that spell characters ({@link SimAlign}, special tokens left out) and report word links.
 *
 * <p>It answers no links, as {@link WordAligner} allows, when no model serves, a language is not in the
 * model, a text has no piece, is longer than the encoder's positions, or its pieces cannot be traced back to
 * its characters.
 */
@ApplicationScoped
public class NllbWordAligner implements WordAligner {

    private final ModelSlot<NllbModel> slot;
    private final SimAlign simAlign;

    @Inject
    public NllbWordAligner(ModelRegistry registry) {
        this(registry.translation(), new SimAlign(Matching.ITERMAX, SimAlign.DEFAULT_DISTORTION));
    }

    NllbWordAligner(ModelSlot<NllbModel> slot, SimAlign simAlign) {
        this.slot = slot;
        this.simAlign = simAlign;
    }

    /** For the CDI client proxy only. */
    protected NllbWordAligner() {
        this.slot = null;
        this.simAlign = null;
    }

    @Override
    public List<AlignmentLink> align(String source, String sourceLanguage, String target, String targetLanguage) {
        ModelSlot.Lease<NllbModel> lease;
        try {
            lease = slot.acquire();
        } catch (ModelUnavailableException e) {
            return List.of();
        }
        try (lease) {
            NllbModel model = lease.model();
            Optional<SpannedTokens> sourceTokens = tokens(model, source, sourceLanguage);
            Optional<SpannedTokens> targetTokens = tokens(model, target, targetLanguage);
            if (sourceTokens.isEmpty() || targetTokens.isEmpty()) {
                return List.of();
            }
            EncodedBatch batch = model.encode(List.of(sourceTokens.get().ids(), targetTokens.get().ids()));
            return simAlign.align(encoded(source, sourceTokens.get(), batch, 0),
                    encoded(target, targetTokens.get(), batch, 1));
        }
    }

    /** The text's tokens when it can be aligned: a known language, within the encoder's positions, traced. */
    private static Optional<SpannedTokens> tokens(NllbModel model, String text, String language) {
        NllbTokenizer tokenizer = model.tokenizer();
        if (text.isBlank() || !tokenizer.languages().has(language)) {
            return Optional.empty();
        }
        return tokenizer.encodeSourceWithSpans(text, language)
                .filter(tokens -> tokens.size() <= model.config().maxPositions());
    }

    /** Row {@code row} of the batch, restricted to the pieces that spell characters. */
    private static EncodedText encoded(String text, SpannedTokens tokens, EncodedBatch batch, int row) {
        float[][] states = batch.tokenStates(row, 0, tokens.size());
        int[] spelling = IntStream.range(0, tokens.size()).filter(tokens::spellsText).toArray();
        return new EncodedText(text,
                IntStream.of(spelling).map(tokens::start).toArray(),
                IntStream.of(spelling).map(tokens::end).toArray(),
                IntStream.of(spelling).mapToObj(i -> states[i]).toArray(float[][]::new));
    }
}
