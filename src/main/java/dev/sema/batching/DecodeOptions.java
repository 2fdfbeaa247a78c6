package dev.sema.batching;

import dev.sema.generation.OutputLengthRule;

/**
 * Everything besides the segment text and the model that decides a segment's translations.
 *
 * @param beams       beams per segment (1 = greedy)
 * @param returns     hypotheses kept per segment, 1 to {@code beams}
 * @param length      the output length limit per segment, in tokens
 * @param terminology what constrains the segments, e.g. a glossary's id and version; empty when nothing does.
 *                    Part of every cache key and batch choice, so constrained and free decodes never mix
 * @param background  whether the segments are background work (documents), decoded after interactive ones
 */
public record DecodeOptions(String source, String target, int beams, int returns, OutputLengthRule length,
                            String terminology, boolean background) {

    /** The decode itself, whoever waits for it: what a cached translation is keyed by. */
    public DecodeOptions withoutPriority() {
        return background ? new DecodeOptions(source, target, beams, returns, length, terminology, false) : this;
    }

    /** Interactive segments, unconstrained. */
    public DecodeOptions(String source, String target, int beams, int returns, OutputLengthRule length) {
        this(source, target, beams, returns, length, "", false);
    }
}
