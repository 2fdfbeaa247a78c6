package dev.sema.translation;

import dev.sema.batching.BatchDecoder;
import dev.sema.batching.Cancellation;
import dev.sema.batching.DecodeOptions;
import dev.sema.batching.DecodeScheduler;
import dev.sema.batching.DecodedSegment;
import dev.sema.batching.SegmentBatches;
import dev.sema.failure.LanguageNotInModelException;
import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelSlot;
import dev.sema.models.ModelStatus;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.NllbTokenizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NLLB-200 translation on ONNX Runtime. Each text is cut into sentence-sized segments ({@link Segmenter}); the
 * translatable segments of all texts of a request are decoded together in padded batches, and every text is
 * re-joined with its original white space, so paragraphs, indentation and passages without letters (numbers,
 * emoji) come back exactly where they were. The segments of concurrent requests share those batches: one
 * {@link DecodeScheduler} per engine decodes them.
 *
 * <p>Alternatives: the k-th alternative of a text joins the (k+1)-th best translation of each of its segments
 * (a segment with fewer hypotheses contributes its best), so for a one-segment text they are exactly the
 * beam's n-best list. Alternatives that read the same as the best translation or an earlier alternative are
 * dropped, so a text may get fewer than asked for.
 *
 * <p>Segments already translated with the same model and options come from the {@link TranslationCache}.
 *
 * <p>Terminology: a segment in which the request's {@link Terminology} finds terms is decoded with one
 * constraint per term ({@link TermConstraints}), in batches and cache entries of that terminology only; a
 * segment without terms takes exactly the path it takes without terminology (same batches, same cache).
 */
@ApplicationScoped
@Typed(NllbTranslationEngine.class) // callers inject TranslationEngine: the guard's wrapper around this one
public class NllbTranslationEngine implements TranslationEngine {

    private final ModelSlot<NllbModel> slot;
    private final EngineConfig config;
    private final TranslationCache cache;
    private final DecodeScheduler scheduler;

    @Inject
    public NllbTranslationEngine(ModelRegistry registry, EngineConfig config, TranslationCache cache) {
        this(registry.translation(), config, cache, new DecodeScheduler(config.batchLimits(), BatchDecoder.NLLB));
    }

    /** @param scheduler decodes this engine's segments, sharing its batches among concurrent requests */
    public NllbTranslationEngine(ModelSlot<NllbModel> slot, EngineConfig config, TranslationCache cache,
                                 DecodeScheduler scheduler) {
        this.slot = slot;
        this.config = config;
        this.cache = cache;
        this.scheduler = scheduler;
    }

    /** For the CDI client proxy only. */
    protected NllbTranslationEngine() {
        this(null, null, null, null);
    }

    @Override
    public ModelStatus status() {
        return slot.status();
    }

    @Override
    public List<TranslationOutput> translate(List<String> texts, String source, String target,
                                             TranslationOptions options, Cancellation cancellation) {
        try (ModelSlot.Lease<NllbModel> lease = slot.acquire()) {
            NllbModel model = lease.model();
            requireLanguage(model.tokenizer(), "source_language", source);
            requireLanguage(model.tokenizer(), "target_language", target);
            Segmenter segmenter = segmenter(model);
            List<SegmentedText> segmented = texts.stream().map(text -> segmenter.segment(text, source)).toList();
            List<String> segments = segmented.stream().flatMap(s -> s.segments().stream())
                    .filter(Segment::translatable).map(Segment::text).toList();
            DecodeOptions decode = decodeOptions(source, target, options);
            Terminology terminology = options.terms().forPair(source, target);
            List<List<Term>> terms = segments.stream().map(terminology::find).toList();
            Map<String, SourceEncoding> encodings = options.sourceStates() ? new ConcurrentHashMap<>() : null;
            List<DecodedSegment> translated = segments.isEmpty() ? List.of()
                    : decode(lease, decode, terminology, segments, cancellation, encodings == null ? null
                            : (segment, ids, states) -> encodings.put(segment, new SourceEncoding(ids, states)));
            return rejoin(segmented, translated, terms, options.alternatives(), encodings);
        }
    }

    @Override
    public SegmentedText segment(String text, String source, String target) {
        try (ModelSlot.Lease<NllbModel> lease = slot.acquire()) {
            NllbModel model = lease.model();
            requireLanguage(model.tokenizer(), "source_language", source);
            requireLanguage(model.tokenizer(), "target_language", target);
            return segmenter(model).segment(text, source);
        }
    }

    /** Through the cache like {@link #translate}, in the groups of a {@link SegmentStream}; best translations only. */
    @Override
    public void stream(SegmentedText text, String source, String target, TranslationOptions options,
                       Cancellation cancellation, SegmentListener listener) {
        try (ModelSlot.Lease<NllbModel> lease = slot.acquire()) {
            requireLanguage(lease.model().tokenizer(), "source_language", source);
            requireLanguage(lease.model().tokenizer(), "target_language", target);
            DecodeOptions decode = decodeOptions(source, target, new TranslationOptions(options.beamSize(), 0));
            Terminology terminology = options.terms().forPair(source, target);
            new SegmentStream(text, config.batchLimits().maxSegments()).run(
                    group -> decode(lease, decode, terminology, group, cancellation, null),
                    cancellation::isCancelled, listener);
        }
    }

    private Segmenter segmenter(NllbModel model) {
        return new Segmenter(text -> model.tokenizer().encodePieces(text).length, config.maxSegmentTokens());
    }

    private DecodeOptions decodeOptions(String source, String target, TranslationOptions options) {
        int beams = Math.max(options.beamSize() > 0 ? options.beamSize() : config.beamSize(),
                1 + options.alternatives());
        return new DecodeOptions(source, target, beams, 1 + options.alternatives(), config.outputLength(), "",
                options.background());
    }

    /**
     * Segments with terms decode under their constraints, the others as without terminology; results in order.
     *
     * @param states told each decoded segment's encoder states; null when nobody wants them
     */
    private List<DecodedSegment> decode(ModelSlot.Lease<NllbModel> lease, DecodeOptions decode,
                                        Terminology terminology, List<String> segments, Cancellation cancellation,
                                        SegmentBatches.SourceStates states) {
        if (terminology == Terminology.NONE) {
            return decode(lease, decode, segments, cancellation, states);
        }
        List<Integer> constrained = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            (terminology.find(segments.get(i)).isEmpty() ? free : constrained).add(i);
        }
        List<DecodedSegment> results = new ArrayList<>(Collections.nCopies(segments.size(), null));
        List<DecodedSegment> freeResults = free.isEmpty() ? List.of()
                : decode(lease, decode, free.stream().map(segments::get).toList(), cancellation, states);
        for (int j = 0; j < free.size(); j++) {
            results.set(free.get(j), freeResults.get(j));
        }
        if (!constrained.isEmpty()) {
            DecodeOptions withTerms = new DecodeOptions(decode.source(), decode.target(), decode.beams(),
                    decode.returns(), decode.length(), terminology.identity(), decode.background());
            TermConstraints constraints = new TermConstraints(lease.model().tokenizer());
            List<DecodedSegment> decoded = cache.translate(lease, withTerms,
                    constrained.stream().map(segments::get).toList(),
                    missing -> new SegmentBatches(lease.model(), scheduler, cancellation, states).translate(missing,
                            missing.stream().map(segment -> constraints.of(terminology.find(segment))).toList(),
                            withTerms));
            for (int j = 0; j < constrained.size(); j++) {
                results.set(constrained.get(j), decoded.get(j));
            }
        }
        return results;
    }

    /** Segments the cache lacks go to the decoder, shared with other requests' segments. */
    private List<DecodedSegment> decode(ModelSlot.Lease<NllbModel> lease, DecodeOptions decode,
                                        List<String> segments, Cancellation cancellation,
                                        SegmentBatches.SourceStates states) {
        return cache.translate(lease, decode, segments, missing ->
                new SegmentBatches(lease.model(), scheduler, cancellation, states).translate(missing, decode));
    }

    /**
     * Puts each text back together from the translations of its segments, taken in order, with the terms of its
     * segments that their best translation contains, every segment's score (0 for one copied unchanged) and, when
     * {@code encodings} is given, where its segments lie.
     *
     * @param encodings the decoded segments' encoder states by segment text (cached ones have none), or null
     */
    private static List<TranslationOutput> rejoin(List<SegmentedText> texts, List<DecodedSegment> translated,
                                                  List<List<Term>> terms, int alternatives,
                                                  Map<String, SourceEncoding> encodings) {
        List<TranslationOutput> outputs = new ArrayList<>(texts.size());
        int next = 0;
        for (SegmentedText text : texts) {
            int first = next;
            next += (int) text.segments().stream().filter(Segment::translatable).count();
            List<DecodedSegment> own = translated.subList(first, next);
            Set<String> candidates = new LinkedHashSet<>();
            for (int k = 0; k <= alternatives; k++) {
                int rank = k;
                int[] cursor = {0};
                candidates.add(text.join(segment -> {
                    List<String> nBest = own.get(cursor[0]++).nBest();
                    return nBest.get(rank < nBest.size() ? rank : 0);
                }));
            }
            List<String> all = List.copyOf(candidates);
            List<Term> applied = new ArrayList<>();
            for (int i = first; i < next; i++) {
                String best = translated.get(i).best();
                terms.get(i).stream().filter(term -> best.contains(term.target())).forEach(applied::add);
            }
            int[] scored = {0};
            List<Double> scores = text.segments().stream()
                    .map(segment -> segment.translatable() ? own.get(scored[0]++).score() : 0.0).toList();
            List<TranslatedSegment> segments = encodings == null ? List.of()
                    : text.trace(own.stream().map(DecodedSegment::best).toList(), encodings::get);
            outputs.add(new TranslationOutput(all.get(0), all.subList(1, all.size()), applied, scores, segments));
        }
        return outputs;
    }

    private static void requireLanguage(NllbTokenizer tokenizer, String field, String code) {
        if (!tokenizer.languages().has(code)) {
            throw new LanguageNotInModelException(field, code);
        }
    }
}
