package dev.sema.models.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The progress log's rate, on a simulated clock: per 10 % or per interval, never per chunk. */
class TransferProgressTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(TransferProgress.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private long now;

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void fastTransferLogsOncePerTenPercent() {
        TransferProgress progress = new TransferProgress("x.onnx", 1_000_000, 0, Duration.ofSeconds(5), () -> now);
        for (int chunk = 0; chunk < 1000; chunk++) {
            now += 1_000_000; // 1 ms per 1000-byte chunk: 1 MB/s
            progress.advance(1000);
        }

        assertEquals(10, lines.size(), lines.toString());
        assertEquals("Downloading x.onnx: 100% (976.6 KiB of 976.6 KiB) at 976.6 KiB/s, ETA 0 s", lines.get(9));
    }

    @Test
    void slowTransferLogsOncePerInterval() {
        TransferProgress progress = new TransferProgress("model.bin", -1, 0, Duration.ofSeconds(1), () -> now);
        for (int chunk = 0; chunk < 1000; chunk++) {
            now += 10_000_000; // 10 ms per chunk, 10 s in all
            progress.advance(100);
        }

        assertEquals(10, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Downloading model.bin: 9.8 KiB at"), lines.get(0));
    }

    @Test
    void resumedTransferCountsOnlyNewBytesInTheRateAndEta() {
        TransferProgress progress = new TransferProgress("m", 2_000_000, 1_000_000, Duration.ofSeconds(1), () -> now);
        now += 1_000_000_000L;
        progress.advance(500_000);

        assertEquals(List.of("Downloading m: 75% (1.4 MiB of 1.9 MiB) at 488.3 KiB/s, ETA 1 s"), lines);
    }
}
