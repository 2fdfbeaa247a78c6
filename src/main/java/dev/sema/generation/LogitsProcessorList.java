package dev.sema.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * The processors a configuration asks for, run in a fixed order (like HF {@code _get_logits_processor}):
 * <ol>
 *   <li>{@link RepetitionPenaltyProcessor} and {@link NoRepeatNGramProcessor} reshape the distribution;</li>
 *   <li>{@link MinLengthProcessor} and {@link SuppressTokensProcessor} forbid tokens;</li>
 *   <li>{@link ForcedEosTokenProcessor}, then {@link ForcedBosTokenProcessor}, force a token. They run last
 *       so nothing can undo them: the target language is forced even though every language id is in the
 *       suppressed set, and with a limit of one token the language token still comes out.</li>
 * </ol>
 */
public final class LogitsProcessorList implements LogitsProcessor {

    private final List<LogitsProcessor> processors;

    LogitsProcessorList(List<LogitsProcessor> processors) {
        this.processors = List.copyOf(processors);
    }

    /** Flat "if the setting is on, add the processor", so a new feature costs one class and one line. */
    public static LogitsProcessorList from(GenerationConfig config) {
        List<LogitsProcessor> list = new ArrayList<>();
        if (config.repetitionPenalty() != 1.0) {
            list.add(new RepetitionPenaltyProcessor(config.repetitionPenalty()));
        }
        if (config.noRepeatNgramSize() > 0) {
            list.add(new NoRepeatNGramProcessor(config.noRepeatNgramSize()));
        }
        if (config.minNewTokens() > 0) {
            list.add(new MinLengthProcessor(config.minNewTokens(), config.eosTokenId()));
        }
        list.add(SuppressTokensProcessor.of(config.suppressTokens(), config.padTokenId()));
        if (config.forceEosAtLimit()) {
            list.add(new ForcedEosTokenProcessor(config.eosTokenId(), config::maxNewTokens));
        }
        if (!config.forcedBosTokenIds().isEmpty()) {
            list.add(new ForcedBosTokenProcessor(config::forcedBosTokenId));
        }
        return new LogitsProcessorList(list);
    }

    /** The processors in the order they run. */
    public List<LogitsProcessor> processors() {
        return processors;
    }

    @Override
    public void process(Sequences sequences, float[][] logits) {
        for (LogitsProcessor processor : processors) {
            processor.process(sequences, logits);
        }
    }
}
