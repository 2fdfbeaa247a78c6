package dev.sema.batching;

import dev.sema.generation.Constraint;
import dev.sema.generation.Hypothesis;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.NllbTokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Translates the segments of one request with one model: tokenises them, hands them to the
 * {@link DecodeScheduler} shortest first (so the padded batches they share, with each other and with other
 * requests, pad little) and detokenises the results in input order. One instance serves one request.
 */
public final class SegmentBatches {

    /** Told each decoded segment's source as the encoder saw it, for a caller that aligns words with it. */
    @FunctionalInterface
    public interface SourceStates {
        /**
         * @param ids    the token ids encoded, source language token first, {@code </s>} last
         * @param states the encoder's vector of each of {@code ids}, copied out of the shared batch
         */
        void encoded(String segment, long[] ids, float[][] states);
    }

    private final NllbModel model;
    private final DecodeScheduler scheduler;
    private final Cancellation cancellation;
    private final SourceStates sourceStates;

    /** @param cancellation the request's: once it fires, its segments stop costing the decoder */
    public SegmentBatches(NllbModel model, DecodeScheduler scheduler, Cancellation cancellation) {
        this(model, scheduler, cancellation, null);
    }

    /** @param sourceStates told each segment's encoder states once it is decoded; null: they are not kept */
    public SegmentBatches(NllbModel model, DecodeScheduler scheduler, Cancellation cancellation,
                          SourceStates sourceStates) {
        this.model = model;
        this.scheduler = scheduler;
        this.cancellation = cancellation;
        this.sourceStates = sourceStates;
    }

    /**
     * @param segments non-blank texts in {@code options.source()}
     * @return per segment, in input order, its translations best first (at least one) and the best one's score
     */
    public List<DecodedSegment> translate(List<String> segments, DecodeOptions options) {
        return translate(segments, Collections.nCopies(segments.size(), List.of()), options);
    }

    /** As {@link #translate(List, DecodeOptions)}, each segment's output containing its {@code constraints}. */
    public List<DecodedSegment> translate(List<String> segments, List<List<Constraint>> constraints,
                                          DecodeOptions options) {
        NllbTokenizer tokenizer = model.tokenizer();
        return hypotheses(segments, constraints, options).stream()
                .map(nBest -> new DecodedSegment(nBest.stream()
                        .map(h -> tokenizer.decode(Arrays.stream(h.tokens()).asLongStream().toArray()))
                        .toList(), nBest.get(0).meanLogProb()))
                .toList();
    }

    /** Like {@link #translate} but the generated token ids, the forced target language first. */
    public List<List<Hypothesis>> hypotheses(List<String> segments, DecodeOptions options) {
        return hypotheses(segments, Collections.nCopies(segments.size(), List.of()), options);
    }

    private List<List<Hypothesis>> hypotheses(List<String> segments, List<List<Constraint>> constraints,
                                              DecodeOptions options) {
        NllbTokenizer tokenizer = model.tokenizer();
        List<long[]> ids = segments.stream().map(s -> tokenizer.encodeSource(s, options.source())).toList();
        Integer[] order = IntStream.range(0, ids.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        int[] targets = new int[order.length];
        Arrays.fill(targets, tokenizer.languageId(options.target()));
        float[][][] states = sourceStates == null ? null : new float[order.length][][];
        List<List<Hypothesis>> sorted = scheduler.decode(model, Arrays.stream(order).map(ids::get).toList(),
                targets, Arrays.stream(order).map(constraints::get).toList(), options, cancellation, states);
        List<List<Hypothesis>> results = new ArrayList<>(Collections.nCopies(order.length, null));
        for (int j = 0; j < order.length; j++) {
            results.set(order[j], sorted.get(j));
            if (states != null) {
                sourceStates.encoded(segments.get(order[j]), ids.get(order[j]), states[j]);
            }
        }
        return results;
    }
}
