package dev.sema.batching;

import dev.sema.generation.Constraint;
import dev.sema.generation.Hypothesis;
import dev.sema.nllb.EncodedBatch;
import dev.sema.nllb.NllbModel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decodes the segments of all concurrent requests in shared padded batches, one batch at a time: whenever the
 * decoder is free, the queued segments are taken in arrival order into one encoder pass and one decode, up to
 * {@code sema.batch-max-segments} rows, {@code sema.batch-max-size} requests and {@code sema.batch-max-tokens}
 * padded source tokens (rows × longest source; a longer single segment still goes alone). Rows of different
 * languages share a batch (the target is forced per row); a batch needs one model instance, one beam width,
 * one n-best size and one length rule, so other segments wait in the queue, keeping their place.
 *
 * <p>Why segments join only between decodes and never a running one: the NLLB ONNX decoder takes
 * {@code input_ids}, {@code encoder_attention_mask}, {@code encoder_hidden_states} and the past key/values,
 * but no decoder self-attention mask and no position ids; it derives the position of the new token from the
 * past length, one number for the whole batch. A row joining mid-decode would have a shorter past than the
 * others: its positions would be wrong and, with nothing to mask them, its padded past slots would be
 * attended to. Rows can leave a running batch (the session keeps the remaining rows,
 * {@link dev.sema.generation.DecoderSession#reorder}), so a batch shrinks as rows finish; a request's answer
 * is ready when its batch ends.
 *
 * <p>No thread of its own: the request threads take turns as the decoder. A thread with unfinished segments
 * that finds the decoder free takes the next batch (whoever's segments it holds), runs it and wakes the
 * others; a thread that finds it busy waits. So a lone request starts at once and never waits for a batch to
 * fill, and under load the next batch holds everything that arrived during the previous one. One exception:
 * once batches have served several requests, the next one waits up to {@code sema.batch-wait-ms} for as many
 * requests to queue (see {@link #gatherNanos}).
 *
 * <p>A request whose {@link Cancellation} fires (the inference timeout) stops costing the decoder: its queued
 * segments leave the queue, its rows in the running batch end at the next decoder step (a batch of only its
 * rows ends there too), and its thread fails with {@link CancellationException} as soon as it sees the
 * cancellation (the guard also interrupts it, which wakes it if it waits). A thread decoding a batch keeps
 * decoding the other requests' rows even when its own request was cancelled: they have no other decoder.
 */
public final class DecodeScheduler {

    private final BatchDecoder decoder;
    private final int maxSegments;
    private final int maxRequests;
    private final int maxTokens;
    private final long waitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a batch ends and when a request queues while the decoder is free. */
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Row> queue = new ArrayDeque<>();
    private boolean decoding;
    private long freeSince;
    private int lastRequests;
    /** Requests that were already queued when the decoder last became free (they arrived during the batch). */
    private int queuedAtFree;
    private long batches;
    private int mostRequests;

    /** @param decoder {@link BatchDecoder#NLLB} in production */
    public DecodeScheduler(BatchLimits limits, BatchDecoder decoder) {
        this.decoder = decoder;
        this.maxSegments = limits.maxSegments();
        this.maxRequests = limits.maxRequests();
        this.maxTokens = limits.maxTokens();
        this.waitNanos = limits.waitMs() * 1_000_000L;
    }

    /**
     * Decodes one request's segments, waiting for the batches that hold them.
     *
     * @param sources       token ids per segment, source language tag first, in the order the batches should
     *                      take them (shortest first keeps the padding small)
     * @param forcedTargets the target language id per segment
     * @param constraints   per segment, what its output must contain (see {@link BatchDecoder#decode})
     * @param sourceStates  null, or one slot per segment that receives the encoder's vector of each of its
     *                      tokens, copied out of the batch (which other requests' rows share); filled when this
     *                      returns
     * @return per segment, in input order, its hypotheses best first
     * @throws CancellationException once {@code cancellation} fired or the thread was interrupted
     */
    List<List<Hypothesis>> decode(NllbModel model, List<long[]> sources, int[] forcedTargets,
                                  List<List<Constraint>> constraints, DecodeOptions options,
                                  Cancellation cancellation, float[][][] sourceStates) {
        QueuedRequest request = new QueuedRequest(model, options, sources.size(), cancellation, sourceStates);
        lock.lock();
        try {
            for (int i = 0; i < sources.size(); i++) {
                queue.add(new Row(request, i, sources.get(i), forcedTargets[i], constraints.get(i)));
            }
            if (!decoding) {
                changed.signalAll(); // a thread gathering the next batch counts this request
            }
            while (request.remaining > 0 && request.failure == null) {
                if (cancellation.isCancelled()) {
                    throw withdraw(request);
                }
                if (decoding) {
                    await(request, 0);
                    continue;
                }
                long gather = gatherNanos();
                if (gather > 0) {
                    await(request, gather);
                    continue;
                }
                decoding = true;
                List<Row> batch = takeBatch();
                lock.unlock();
                List<List<Hypothesis>> decoded = null;
                RuntimeException failure = null;
                try {
                    decoded = run(batch);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    lock.lock();
                    decoding = false;
                    freeSince = System.nanoTime();
                    queuedAtFree = queuedRequests().size();
                    complete(batch, decoded, failure);
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (request.failure != null) {
            throw request.failure;
        }
        return Arrays.asList(request.results);
    }

    /**
     * Waits for the decoder to finish a batch or for a request to arrive ({@code nanos} > 0: at most that long).
     * Called under the lock. A caller interrupted here (its timeout) gives up like a cancelled one.
     */
    private void await(QueuedRequest request, long nanos) {
        try {
            if (nanos > 0) {
                changed.awaitNanos(nanos);
            } else {
                changed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.cancellation.cancel("interrupted");
            throw withdraw(request);
        }
    }

    /**
     * Takes a cancelled request's queued rows out, so that none of them starts; its rows in a running batch
     * end at that batch's next step. Called under the lock.
     */
    private CancellationException withdraw(QueuedRequest request) {
        queue.removeIf(row -> row.request == request);
        return new CancellationException("translation cancelled: " + request.cancellation.reason().orElseThrow());
    }

    /**
     * How much longer the free decoder should wait before taking the next batch (0: take it now). The batch
     * waits for as many requests as the last batch served plus those that arrived during it, at most
     * {@code sema.batch-wait-ms} after the later of the decoder becoming free and the oldest queued request's
     * arrival. Clients answered together by one batch tend to send their next requests together, and a burst
     * after a quiet spell tends to be as large as the last one; without the wait the first request to arrive
     * would be decoded alone while the others wait for its whole decode (rows cannot join a running decode).
     * After batches of one request (low load) nothing waits. Called under the lock.
     */
    private long gatherNanos() {
        Row oldest = queue.peekFirst();
        if (waitNanos == 0 || oldest == null) {
            return 0;
        }
        int target = Math.min(Math.max(1, lastRequests + queuedAtFree), maxRequests);
        if (queuedRequests().size() >= target || queue.size() >= maxSegments) {
            return 0;
        }
        return Math.max(0, Math.max(freeSince, oldest.request.queuedAt) + waitNanos - System.nanoTime());
    }

    private Set<QueuedRequest> queuedRequests() {
        Set<QueuedRequest> queued = Collections.newSetFromMap(new IdentityHashMap<>());
        queue.forEach(row -> queued.add(row.request));
        return queued;
    }

    /** Batches run so far, the most requests that shared one, and the segments waiting now. */
    Stats stats() {
        lock.lock();
        try {
            return new Stats(batches, mostRequests, queue.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first wanted row and the rows after it that fit its batch: interactive rows first, in arrival order, then
     * background rows (documents) in what is left, so a document's hundreds of segments never make a person's
     * request wait behind them; rows of cancelled requests never start (their threads take them out). Called under
     * the lock, by a thread whose own request still has rows queued, so the batch is never empty.
     */
    private List<Row> takeBatch() {
        Batch batch = new Batch();
        fill(batch, false);
        fill(batch, true);
        batches++;
        lastRequests = batch.requests.size();
        mostRequests = Math.max(mostRequests, lastRequests);
        return batch.rows;
    }

    private void fill(Batch batch, boolean background) {
        for (Iterator<Row> it = queue.iterator(); it.hasNext() && batch.rows.size() < maxSegments; ) {
            Row row = it.next();
            if (row.request.cancellation.isCancelled() || row.request.options.background() != background) {
                continue;
            }
            batch.head = batch.head == null ? row.request : batch.head;
            int padded = (batch.rows.size() + 1) * Math.max(batch.longest, row.ids.length);
            boolean newRequest = !batch.requests.contains(row.request);
            if (!row.request.batchesWith(batch.head) || (newRequest && batch.requests.size() >= maxRequests)
                    || (!batch.rows.isEmpty() && padded > maxTokens)) {
                continue;
            }
            it.remove();
            batch.rows.add(row);
            batch.requests.add(row.request);
            batch.longest = Math.max(batch.longest, row.ids.length);
        }
    }

    /** The batch being taken: its rows, their requests, the first request (whose settings it has), longest row. */
    private static final class Batch {
        final List<Row> rows = new ArrayList<>();
        final Set<QueuedRequest> requests = Collections.newSetFromMap(new IdentityHashMap<>());
        QueuedRequest head;
        int longest;
    }

    /** One encoder pass and one decode of the batch, outside the lock; a cancelled request's rows stop next step. */
    private List<List<Hypothesis>> run(List<Row> batch) {
        QueuedRequest first = batch.get(0).request;
        return decoder.decode(first.model, batch.stream().map(Row::ids).toList(),
                batch.stream().mapToInt(Row::forcedTarget).toArray(), batch.stream().map(Row::constraints).toList(),
                first.options, encoded -> keepStates(batch, encoded),
                (sequences, row) -> batch.get(sequences.source(row)).request.cancellation.isCancelled());
    }

    /**
     * Copies each row's vectors out for the requests that asked, on the decoding thread; its requester reads them
     * after taking the lock that {@link #complete} is called under, so it sees them.
     */
    private static void keepStates(List<Row> batch, EncodedBatch encoded) {
        for (int j = 0; j < batch.size(); j++) {
            Row row = batch.get(j);
            if (row.request.sourceStates != null) {
                row.request.sourceStates[row.index] = encoded.tokenStates(j, 0, row.ids.length);
            }
        }
    }

    private static void complete(List<Row> batch, List<List<Hypothesis>> decoded, RuntimeException failure) {
        for (int j = 0; j < batch.size(); j++) {
            Row row = batch.get(j);
            if (failure != null) {
                row.request.failure = failure;
            } else {
                row.request.results[row.index] = decoded.get(j);
            }
            row.request.remaining--;
        }
    }

    record Stats(long batches, int mostRequestsInOneBatch, int queued) { }

    private record Row(QueuedRequest request, int index, long[] ids, int forcedTarget, List<Constraint> constraints) { }
}
