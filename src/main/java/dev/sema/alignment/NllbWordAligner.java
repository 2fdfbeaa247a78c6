package dev.sema.alignment;

import dev.sema.failure.ModelUnavailableException;
import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.NllbTokenizer;
import dev.sema.nllb.SpannedTokens;
import dev.sema.translation.AlignmentLink;
import dev.sema.translation.SourceEncoding;
import dev.sema.translation.TranslatedSegment;
import dev.sema.translation.WordAligner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Aligns a text and its translation with the encoder of the serving translation model, as SimAlign does with
 * a multilingual encoder: NLLB's encoder maps a sentence and its translation into one space, so a word and
 * its translation get similar vectors. Needs nothing but the model already loaded: no second model, no
 * re-export.
 *
 * <p>Segment by segment, as the engine translated them ({@link TranslatedSegment}; without any, the two texts
 * as one pair): 1. lease the translation model (so a hot reload never closes it mid-run, as for translating);
 * 2. tokenize the source segment and its translation each with its own language token, as the engine encodes a
 * source, and trace each piece to its characters ({@link NllbTokenizer#encodeSourceWithSpans}); 3. take the
 * source's encoder states from the engine's own pass when it handed them over for exactly these ids, else
 * encode the source, and encode the translation (each alone, so no row pays for another's padding); 4. align
 * the pieces that spell characters ({@link SimAlign}, special tokens left out) and report word links. Reusing
 * the engine's states halves the encoder work, which is most of what alignment costs; the states are the same
 * floats a fresh pass gives for the same ids (the encoder sees nothing else), so the links are the same.
 *
 * <p>Text between segments is copied verbatim by the engine (white space, passages without letters): its runs
 * of non-white-space characters are linked to their copies ({@link VerbatimLinks}).
 *
 * <p>It answers no links for a segment, as {@link WordAligner} allows, when no model serves, a language is
 * not in the model, a text has no piece, is longer than the encoder's positions, or its pieces cannot be traced
 * back to its characters.
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
    public List<AlignmentLink> align(String source, String sourceLanguage, String target, String targetLanguage,
                                     List<TranslatedSegment> segments) {
        ModelSlot.Lease<NllbModel> lease;
        try {
            lease = slot.acquire();
        } catch (ModelUnavailableException e) {
            return List.of();
        }
        try (lease) {
            List<TranslatedSegment> pairs = pairs(source, target, segments);
            List<AlignmentLink> links = new ArrayList<>(VerbatimLinks.between(source, target, pairs));
            for (TranslatedSegment pair : pairs) {
                links.addAll(align(lease.model(), pair, source.substring(pair.sourceStart(), pair.sourceEnd()),
                        sourceLanguage, target.substring(pair.targetStart(), pair.targetEnd()), targetLanguage));
            }
            links.sort(Comparator.comparingInt(AlignmentLink::sourceStart)
                    .thenComparingInt(AlignmentLink::targetStart));
            return List.copyOf(links);
        }
    }

    /**
     * The segments to align: the engine's, the last one's end cut to a translation trimmed after it; the whole
     * texts as one pair when there are none or they do not fit these texts.
     */
    private static List<TranslatedSegment> pairs(String source, String target, List<TranslatedSegment> segments) {
        List<TranslatedSegment> whole = List.of(
                new TranslatedSegment(0, source.length(), 0, target.length(), Optional.empty()));
        List<TranslatedSegment> pairs = new ArrayList<>();
        for (TranslatedSegment s : segments) {
            int targetEnd = Math.min(s.targetEnd(), target.length());
            if (s.sourceEnd() > source.length() || s.targetStart() > targetEnd) {
                return whole;
            }
            pairs.add(new TranslatedSegment(s.sourceStart(), s.sourceEnd(), s.targetStart(), targetEnd,
                    s.encoding()));
        }
        return pairs.isEmpty() ? whole : pairs;
    }

    /** One segment and its translation, links in the whole texts' offsets. */
    private List<AlignmentLink> align(NllbModel model, TranslatedSegment pair, String source, String sourceLanguage,
                                      String target, String targetLanguage) {
        Optional<SpannedTokens> sourceTokens = tokens(model, source, sourceLanguage);
        Optional<SpannedTokens> targetTokens = tokens(model, target, targetLanguage);
        if (sourceTokens.isEmpty() || targetTokens.isEmpty()) {
            return List.of();
        }
        float[][] sourceStates = pair.encoding()
                .filter(encoding -> Arrays.equals(encoding.ids(), sourceTokens.get().ids()))
                .map(SourceEncoding::states)
                .orElseGet(() -> states(model, sourceTokens.get()));
        return simAlign.align(encoded(source, sourceTokens.get(), sourceStates),
                        encoded(target, targetTokens.get(), states(model, targetTokens.get()))).stream()
                .map(link -> new AlignmentLink(link.sourceStart() + pair.sourceStart(),
                        link.sourceEnd() + pair.sourceStart(), link.targetStart() + pair.targetStart(),
                        link.targetEnd() + pair.targetStart()))
                .toList();
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

    /** One encoder pass over the tokens alone: the vector of each. */
    static float[][] states(NllbModel model, SpannedTokens tokens) {
        return model.encode(List.of(tokens.ids())).tokenStates(0, 0, tokens.size());
    }

    /** The tokens restricted to the pieces that spell characters. */
    private static EncodedText encoded(String text, SpannedTokens tokens, float[][] states) {
        int[] spelling = IntStream.range(0, tokens.size()).filter(tokens::spellsText).toArray();
        return new EncodedText(text,
                IntStream.of(spelling).map(tokens::start).toArray(),
                IntStream.of(spelling).map(tokens::end).toArray(),
                IntStream.of(spelling).mapToObj(i -> states[i]).toArray(float[][]::new));
    }
}
