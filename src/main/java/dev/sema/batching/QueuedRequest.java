package dev.sema.batching;

import dev.sema.generation.Hypothesis;
import dev.sema.nllb.NllbModel;

import java.util.List;

/**
 * One request's segments in the {@link DecodeScheduler}; fields other than the final ones are guarded by the
 * scheduler's lock, except the slots of {@link #sourceStates}, each written once by the thread decoding its row
 * before that thread takes the lock to complete the row.
 */
final class QueuedRequest {
    final NllbModel model;
    final DecodeOptions options;
    final Cancellation cancellation;
    final long queuedAt = System.nanoTime();
    final List<Hypothesis>[] results;
    /** Null, or per segment the encoder's vectors of its tokens, for a caller that aligns words. */
    final float[][][] sourceStates;
    int remaining;
    RuntimeException failure;

    @SuppressWarnings("unchecked")
    QueuedRequest(NllbModel model, DecodeOptions options, int segments, Cancellation cancellation,
                  float[][][] sourceStates) {
        if (sourceStates != null && sourceStates.length != segments) {
            throw new IllegalArgumentException(sourceStates.length + " state slots for " + segments + " segments");
        }
        this.model = model;
        this.options = options;
        this.cancellation = cancellation;
        this.results = new List[segments];
        this.sourceStates = sourceStates;
        this.remaining = segments;
    }

    /**
     * Same model instance (so the same suppressed ids) and settings; languages may differ. Constrained
     * segments only batch with the same terminology, so a free batch never leaves plain beam search.
     */
    boolean batchesWith(QueuedRequest other) {
        return model == other.model && options.beams() == other.options.beams()
                && options.returns() == other.options.returns() && options.length().equals(other.options.length())
                && options.terminology().equals(other.options.terminology());
    }
}
