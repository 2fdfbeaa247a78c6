package dev.sema.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of a test's own on a free port, which the test may stop and start again (an outage) without
 * touching the machine's shared Redis. Nothing is persisted: a restarted server is empty.
 */
public final class OwnRedis implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final int port;
    private final Path dir;
    private Process process;

    private OwnRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts one on a free port and returns once it accepts connections. */
    public static OwnRedis start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OwnRedis redis = new OwnRedis(port, Files.createTempDirectory("sema-redis"));
        redis.startAgain();
        return redis;
    }

    /** {@link #start()} for a static field's initialiser, which cannot throw checked exceptions. */
    public static OwnRedis startForClass() {
        try {
            return start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Kills the server (SIGKILL: an outage, not a shutdown). */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** Starts it again on the same port, empty; returns once it accepts connections. */
    public void startAgain() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(50);
            }
        }
        stop();
        throw new IllegalStateException("redis-server did not listen on " + port + " within " + DEADLINE);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
