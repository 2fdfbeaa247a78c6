package dev.sema.batching;

import dev.sema.generation.Constraint;
import dev.sema.generation.GenerationConfig;
import dev.sema.generation.Generator;
import dev.sema.generation.Hypothesis;
import dev.sema.generation.StoppingCriteria;
import dev.sema.nllb.EncodedBatch;
import dev.sema.nllb.GenerationDefaults;
import dev.sema.nllb.NllbDecoderSession;
import dev.sema.nllb.NllbModel;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the {@link DecodeScheduler} runs once the decoder is free: one encoder pass and one decode of a padded
 * batch. {@link #NLLB} is the only production one; tests wrap it to hold a batch at a known point instead of
 * racing it.
 */
@FunctionalInterface
public interface BatchDecoder {

    /** The batch through the model's encoder and merged decoder with {@link Generator}. */
    BatchDecoder NLLB = new BatchDecoder() {
        private final Generator generator = new Generator();

        @Override
        public List<List<Hypothesis>> decode(NllbModel model, List<long[]> sources, int[] forcedTargets,
                                             List<List<Constraint>> constraints, DecodeOptions options,
                                             Consumer<EncodedBatch> encoded, StoppingCriteria stop) {
            GenerationDefaults defaults = model.generationDefaults();
            GenerationConfig generation = GenerationConfig.builder()
                    .maxNewTokens(options.length(), sources.stream().mapToInt(s -> s.length).toArray())
                    .numBeams(options.beams())
                    .numReturnSequences(options.returns())
                    .decoderStartTokenId(defaults.decoderStartTokenId())
                    .eosTokenId(defaults.eosTokenId())
                    .padTokenId(defaults.padTokenId())
                    .suppressTokens(model.suppressedTokens())
                    .forcedBosTokenIds(forcedTargets)
                    .constraints(constraints)
                    .build();
            EncodedBatch batch = model.encode(sources);
            encoded.accept(batch);
            try (NllbDecoderSession session = model.startDecoding(batch, options.beams())) {
                return generator.generate(session, sources.size(), generation, stop);
            }
        }
    };

    /**
     * @param sources       token ids per batch row, source language tag first
     * @param forcedTargets the target language id per batch row
     * @param constraints   per batch row, the token sequences its output must contain (empty lists: none,
     *                      which keeps the batch on plain greedy or beam search)
     * @param encoded       given the encoder's output of the batch, before decoding starts: a Java heap copy
     *                      (rows in {@code sources} order) that stays valid after the decode
     * @param stop          also ends a batch row's decoding when true for it (checked after every step)
     * @return per batch row, its hypotheses best first
     */
    List<List<Hypothesis>> decode(NllbModel model, List<long[]> sources, int[] forcedTargets,
                                  List<List<Constraint>> constraints, DecodeOptions options,
                                  Consumer<EncodedBatch> encoded, StoppingCriteria stop);
}
