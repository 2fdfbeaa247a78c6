package dev.sema.translation;

/**
 * Where a streamed translation goes, segment by segment in text order. The translation runs on an inference
 * thread, which only hands over ({@link #admitted}, {@link #translated}, {@link #finished}); the caller's thread
 * waits in {@link #await} and delivers what was handed over, so a slow receiver never holds the decoder and every
 * write happens on the thread that owns the receiver.
 */
public interface SegmentListener {

    /** Inference thread: the translation got its inference slot and starts now. */
    void admitted();

    /** Inference thread: the next segment, in index order, each once. */
    void translated(StreamedSegment segment);

    /** Inference thread: nothing more follows, whether the translation ended, failed or was cancelled. */
    void finished();

    /**
     * Caller's thread: waits at most {@code nanos} for what the inference thread hands over, delivers it, and
     * returns soon after {@link #finished}.
     *
     * @return false once the receiver is gone: the translation is then cancelled ({@code client_gone})
     */
    boolean await(long nanos) throws InterruptedException;
}
