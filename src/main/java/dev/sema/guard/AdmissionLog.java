package dev.sema.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One client's admissions on this server, oldest first: a ring of {@code int} millisecond offsets from
 * {@code base}, 4 bytes per admission. It keeps only admissions younger than the client's longest window, so at most
 * that window's limit of them: nothing is admitted beyond it. (Admissions granted by the shared windows are
 * recorded even if they do not fit here; they are capped at the largest limit, keeping the newest.) The ring grows
 * by doubling as admissions come and shrinks as they age out, so a client that sent one request holds a few bytes.
 * A key's limits may change while it is in use: the log stays as it is, only the limits compared change (lower
 * limits hold what the higher ones admitted until it ages out).
 *
 * <p>Thread-safe: every operation runs under the log's lock and reads the clock inside it, so timestamps are
 * appended in order and a window's admissions are a suffix of the ring, found by binary search.
 */
final class AdmissionLog {

    private static final int MIN_RING = 8;
    /** Offsets stay far from overflowing: once the newest is this far from {@code base} (12 days), rebase. */
    private static final long REBASE_AFTER = 1L << 30;

    private int[] ring = new int[MIN_RING];
    private int head;
    private int size;
    private long base;

    /**
     * Judges a request of {@code tokens} admissions against {@code windows} and records it if it fits all of them.
     *
     * @param millis the server's millisecond clock
     */
    synchronized RateLimitDecision charge(LongSupplier millis, List<RateWindow> windows, long tokens) {
        long now = prepare(millis, windows);
        List<WindowUsage> usage = new ArrayList<>(windows.size());
        for (RateWindow window : windows) {
            usage.add(usage(window, now, tokens));
        }
        RateLimitDecision decision = RateLimitDecision.of(now, tokens, usage);
        if (decision.allowed()) {
            append(now, tokens, RateWindow.capacity(windows));
        }
        return decision;
    }

    /** Records {@code tokens} admissions granted elsewhere (the shared windows), whether or not they fit here. */
    synchronized void record(LongSupplier millis, List<RateWindow> windows, long tokens) {
        append(prepare(millis, windows), tokens, RateWindow.capacity(windows));
    }

    /** Forgets what no window needs any more and answers the current time, never earlier than the newest entry. */
    private long prepare(LongSupplier millis, List<RateWindow> windows) {
        long now = size == 0 ? millis.getAsLong() : Math.max(millis.getAsLong(), time(size - 1));
        long longest = RateWindow.longest(windows);
        int drop = 0;
        while (drop < size && now - time(drop) >= longest) {
            drop++;
        }
        head = (head + drop) % ring.length;
        size -= drop;
        if (size == 0) {
            base = now;
        } else if (now - base > REBASE_AFTER) {
            rebase();
        }
        if (ring.length > MIN_RING && size <= ring.length / 4) {
            resize(Math.max(MIN_RING, ring.length / 2));
        }
        return now;
    }

    private WindowUsage usage(RateWindow window, long now, long tokens) {
        int first = firstYoungerThan(now - window.millis());
        long used = size - first;
        long oldest = used > 0 ? time(first) : -1;
        long freeingIndex = WindowUsage.freeingIndex(used, tokens, window.limit());
        long freeing = freeingIndex >= 0 && tokens <= window.limit() ? time(first + (int) freeingIndex) : -1;
        return new WindowUsage(window, used, oldest, freeing);
    }

    /** Index of the oldest admission made after {@code cutoff} (an admission at {@code cutoff} is out); size if none. */
    private int firstYoungerThan(long cutoff) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (time(mid) > cutoff) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private void append(long now, long tokens, long capacity) {
        int room = (int) Math.min(capacity, Integer.MAX_VALUE - 8);
        int count = (int) Math.min(tokens, room);
        int overflow = size + count - room;
        if (overflow > 0) { // only admissions granted elsewhere overflow: keep the newest
            head = (head + overflow) % ring.length;
            size -= overflow;
        }
        if (size + count > ring.length) {
            resize((int) Math.min(room, Math.max((long) ring.length * 2, size + count)));
        }
        int offset = (int) (now - base);
        for (int i = 0; i < count; i++) {
            ring[(head + size) % ring.length] = offset;
            size++;
        }
    }

    private long time(int index) {
        return base + ring[(head + index) % ring.length];
    }

    /** Makes the oldest entry the new base: entries are younger than the longest window, so offsets become small. */
    private void rebase() {
        int shift = ring[head];
        for (int i = 0; i < size; i++) {
            ring[(head + i) % ring.length] -= shift;
        }
        base += shift;
    }

    private void resize(int length) {
        int[] next = new int[length];
        for (int i = 0; i < size; i++) {
            next[i] = ring[(head + i) % ring.length];
        }
        ring = next;
        head = 0;
    }
}
