package dev.sema.api.stream;

import dev.sema.translation.SegmentListener;
import dev.sema.translation.StreamedSegment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns a streamed translation into events: the inference thread hands its progress over through a queue, and
 * the request's thread, waiting for the inference, writes it: {@code start} once the translation has its slot,
 * a {@code segment} per sentence, a {@code ping} after each silence of {@code sema.stream-ping-ms} from
 * {@code start} on. After a failed
 * write the client is gone: the translation is cancelled ({@code client_gone}) and stops costing the decoder.
 */
final class SegmentEvents implements SegmentListener {

    /** Handed over when the inference starts and when it ends (markers, compared by identity). */
    private static final Object ADMITTED = new Object();
    private static final Object FINISHED = new Object();

    private final EventStream out;
    private final StreamStart start;
    private final long pingNanos;
    private final long arrivedNanos;
    private final boolean scores;
    private final BlockingQueue<Object> handed = new LinkedBlockingQueue<>();
    // the fields below belong to the request's thread
    private boolean finished;
    private boolean gone;
    private long lastWrite = System.nanoTime();
    private long admittedAt;
    private long firstSegmentAt;
    private long lastSegmentAt;
    private int segments;
    private int characters;

    /**
     * @param arrivedNanos {@link System#nanoTime()} when the request arrived (the first segment's time counts from it)
     * @param scores       whether each {@code segment} carries its score (the client sent {@code include_scores})
     */
    SegmentEvents(EventStream out, StreamStart start, Duration ping, long arrivedNanos, boolean scores) {
        this.out = out;
        this.start = start;
        this.pingNanos = ping.toNanos();
        this.arrivedNanos = arrivedNanos;
        this.scores = scores;
    }

    @Override
    public void admitted() {
        handed.add(ADMITTED);
    }

    @Override
    public void translated(StreamedSegment segment) {
        handed.add(segment);
    }

    @Override
    public void finished() {
        handed.add(FINISHED);
    }

    @Override
    public boolean await(long nanos) throws InterruptedException {
        if (finished) {
            return !gone; // the inference's end is only moments away
        }
        long silence = System.nanoTime() - lastWrite;
        Object next = handed.poll(Math.min(nanos, Math.max(0, pingNanos - silence)), TimeUnit.NANOSECONDS);
        if (next == null) {
            // Nothing before start: while the stream waits for its slot, a refusal must still be able to be a JSON error.
            if (admittedAt != 0 && System.nanoTime() - lastWrite >= pingNanos) {
                write("ping", null, Map.of());
            }
            return !gone;
        }
        for (; next != null; next = handed.poll()) {
            deliver(next);
        }
        return !gone;
    }

    /** Writes what is still handed over, after the inference ended. */
    void drain() {
        for (Object next = handed.poll(); next != null; next = handed.poll()) {
            deliver(next);
        }
    }

    private void deliver(Object next) {
        if (next == ADMITTED) {
            admittedAt = System.nanoTime();
            write("start", null, start);
        } else if (next == FINISHED) {
            finished = true;
        } else if (next instanceof StreamedSegment s) {
            if (write("segment", Integer.toString(s.index()),
                    new StreamSegment(s.index(), s.text(), s.separator(), s.sourceStart(), s.sourceEnd(),
                            scores ? s.score() : null))) {
                lastSegmentAt = System.nanoTime();
                firstSegmentAt = segments == 0 ? lastSegmentAt : firstSegmentAt;
                segments++;
                characters += s.characterCount();
            }
        }
    }

    private boolean write(String name, String id, Object data) {
        boolean written = out.send(name, id, data);
        lastWrite = System.nanoTime();
        gone |= !written;
        return written;
    }

    /** Characters of the segments the client was sent: what the request is charged. */
    int charactersSent() {
        return characters;
    }

    /** Segments the client was sent. */
    int segmentsSent() {
        return segments;
    }

    /** The {@code done} event's data. */
    StreamDone done() {
        long now = System.nanoTime();
        return new StreamDone(segments, characters, seconds(firstSegmentAt - arrivedNanos),
                seconds(lastSegmentAt - admittedAt), seconds(now - arrivedNanos));
    }

    private static double seconds(long nanos) {
        return Math.max(0, nanos) / 1e9;
    }
}
