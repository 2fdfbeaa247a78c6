package dev.sema.translation;

import dev.sema.batching.Cancellation;
import dev.sema.models.ManagedModel;

import java.util.List;

/**
 * Neural translation of whole client texts (the engine segments long texts itself). Implemented by the
 * NLLB engine on ONNX Runtime.
 */
public interface TranslationEngine extends ManagedModel {

    /**
     * @param texts  client texts, each non-blank; results come back in the same order
     * @param source canonical FLORES-200 source code (e.g. {@code eng_Latn})
     * @param target canonical FLORES-200 target code
     * @param cancellation fires when nobody waits for the answer any more: the engine then stops spending work
     *                     on it and fails with {@link java.util.concurrent.CancellationException}
     * @throws dev.sema.failure.ModelUnavailableException when no model is loaded
     */
    List<TranslationOutput> translate(List<String> texts, String source, String target, TranslationOptions options,
                                      Cancellation cancellation);

    /**
     * Cuts {@code text} into the segments {@link #stream} translates one by one; no inference.
     *
     * @throws dev.sema.failure.ModelUnavailableException   when no model is loaded
     * @throws dev.sema.failure.LanguageNotInModelException when the model lacks either language
     */
    SegmentedText segment(String text, String source, String target);

    /**
     * Translates the segments of {@code text} and hands each to {@code listener} as soon as it and every one before
     * it are done, in order; the first segment does not wait for the others.
     *
     * @param cancellation as for {@link #translate}; the listener may fire it too (its receiver is gone)
     * @throws java.util.concurrent.CancellationException once cancelled
     */
    void stream(SegmentedText text, String source, String target, TranslationOptions options,
                Cancellation cancellation, SegmentListener listener);

    /** With a cancellation of its own, which only the guard around the engine fires (when the call times out). */
    default List<TranslationOutput> translate(List<String> texts, String source, String target,
                                              TranslationOptions options) {
        return translate(texts, source, target, options, new Cancellation());
    }
}
