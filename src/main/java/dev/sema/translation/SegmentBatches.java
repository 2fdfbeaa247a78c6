package dev.sema.translation;

import dev.sema.generation.GenerationConfig;
import dev.sema.generation.Generator;
import dev.sema.generation.Hypothesis;
import dev.sema.nllb.EncodedBatch;
import dev.sema.nllb.GenerationDefaults;
import dev.sema.nllb.NllbDecoderSession;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.NllbTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Translates segments of one language pair with one model in padded batches: segments are sorted by token
 * length so each batch pads little, decoded at most {@link EngineConfig#batchMaxSegments()} at a time, and the
 * results are put back in input order. One instance serves one request.
 */
final class SegmentBatches {

    private static final Generator GENERATOR = new Generator();

    private final NllbModel model;
    private final EngineConfig config;
    private final Set<Integer> suppressed;

    SegmentBatches(NllbModel model, EngineConfig config) {
        this.model = model;
        this.config = config;
        this.suppressed = suppressedTokens(model);
    }

    /**
     * @param segments non-blank texts in {@code source}
     * @param beams    beams per segment (1 = greedy)
     * @param returns  hypotheses wanted per segment, 1 to {@code beams}
     * @return per segment, in input order, its translations best first (at least one)
     */
    List<List<String>> translate(List<String> segments, String source, String target, int beams, int returns) {
        NllbTokenizer tokenizer = model.tokenizer();
        return hypotheses(segments, source, target, beams, returns).stream()
                .map(nBest -> nBest.stream()
                        .map(h -> tokenizer.decode(Arrays.stream(h.tokens()).asLongStream().toArray()))
                        .toList())
                .toList();
    }

    /** Like {@link #translate} but the generated token ids, the forced target language first. */
    List<List<Hypothesis>> hypotheses(List<String> segments, String source, String target, int beams, int returns) {
        NllbTokenizer tokenizer = model.tokenizer();
        List<long[]> ids = segments.stream().map(s -> tokenizer.encodeSource(s, source)).toList();
        Integer[] order = IntStream.range(0, ids.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        List<List<Hypothesis>> results = new ArrayList<>(Collections.nCopies(segments.size(), null));
        int forced = tokenizer.languageId(target);
        int batchSize = config.batchMaxSegments();
        for (int from = 0; from < order.length; from += batchSize) {
            List<Integer> batch = List.of(order).subList(from, Math.min(order.length, from + batchSize));
            List<long[]> sources = batch.stream().map(ids::get).toList();
            List<List<Hypothesis>> decoded = decode(sources, generation(sources, forced, beams, returns), beams);
            for (int j = 0; j < batch.size(); j++) {
                results.set(batch.get(j), decoded.get(j));
            }
        }
        return results;
    }

    private List<List<Hypothesis>> decode(List<long[]> sources, GenerationConfig generation, int beams) {
        EncodedBatch encoded = model.encode(sources);
        try (NllbDecoderSession session = model.startDecoding(encoded, beams)) {
            return GENERATOR.generate(session, sources.size(), generation);
        }
    }

    /** The checkpoint's token ids, the server's length rule, the request's beams, the target forced first. */
    private GenerationConfig generation(List<long[]> sources, int forcedTarget, int beams, int returns) {
        GenerationDefaults defaults = model.generationDefaults();
        return GenerationConfig.builder()
                .maxNewTokens(config.outputLength(), sources.stream().mapToInt(s -> s.length).toArray())
                .numBeams(beams)
                .numReturnSequences(returns)
                .decoderStartTokenId(defaults.decoderStartTokenId())
                .eosTokenId(defaults.eosTokenId())
                .padTokenId(defaults.padTokenId())
                .suppressTokens(suppressed)
                .forcedBosTokenIds(forcedTarget)
                .build();
    }

    /**
     * Ids that never belong in a translation: every language tag (the forced target is applied after
     * suppression, so it still comes first), {@code <s>}, {@code <mask>}, the logits rows past the tokenizer
     * (NLLB's two unused ones), and {@code <unk>}: decoding drops it, so an {@code <unk>} would silently delete
     * a word, whereas suppressing it makes the model spell the word with known pieces.
     */
    static Set<Integer> suppressedTokens(NllbModel model) {
        NllbTokenizer tokenizer = model.tokenizer();
        Set<Integer> ids = new HashSet<>();
        tokenizer.languages().codes().forEach(code -> ids.add(tokenizer.languageId(code)));
        ids.add(NllbTokenizer.BOS);
        ids.add(NllbTokenizer.UNK);
        ids.add(tokenizer.languages().maskId());
        for (int id = tokenizer.size(); id < model.config().vocabSize(); id++) {
            ids.add(id);
        }
        ids.remove(model.generationDefaults().eosTokenId());
        return ids;
    }
}
