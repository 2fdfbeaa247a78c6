package dev.sema.models.hub;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Logs a download's progress at a bounded rate: a line when {@code interval} has passed or another 10 % is
 * done, whichever comes first, never one per chunk. Rate and ETA count only this session's bytes, so a
 * resumed download does not report an absurd speed.
 */
final class TransferProgress {

    private static final Logger LOG = Logger.getLogger(TransferProgress.class.getName());

    private final String name;
    private final long total;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private final long startBytes;
    private long bytes;
    private long lastLogNanos;
    private int lastDecile;

    /**
     * @param total  expected size in bytes, -1 when unknown
     * @param offset bytes already on disk from an earlier attempt
     */
    TransferProgress(String name, long total, long offset, Duration interval, LongSupplier clock) {
        this.name = name;
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.startBytes = offset;
        this.bytes = offset;
        this.lastLogNanos = startNanos;
        this.lastDecile = decile(offset);
    }

    void advance(long count) {
        bytes += count;
        long now = clock.getAsLong();
        int decile = decile(bytes);
        if (now - lastLogNanos >= intervalNanos || decile > lastDecile) {
            lastLogNanos = now;
            lastDecile = decile;
            LOG.info(() -> line(now));
        }
    }

    private String line(long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        double rate = (bytes - startBytes) / seconds;
        if (total <= 0) {
            return String.format(Locale.ROOT, "Downloading %s: %s at %s/s", name, size(bytes), size((long) rate));
        }
        long eta = rate > 0 ? (long) ((total - bytes) / rate) : -1;
        return String.format(Locale.ROOT, "Downloading %s: %d%% (%s of %s) at %s/s, ETA %s", name,
                bytes * 100 / total, size(bytes), size(total), size((long) rate), eta < 0 ? "unknown" : eta + " s");
    }

    private int decile(long value) {
        return total > 0 ? (int) (value * 10 / total) : 0;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
