package dev.sema.guard;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The threads that run inference: {@code sema.inference-concurrency} of them, and {@code sema.inference-queue}
 * places for calls waiting for one; a call finding both full is refused at once.
 *
 * <p>Why threads of its own (from the server's {@code concurrent/sema-inference} ManagedThreadFactory) instead
 * of Liberty's shared executor, on which both MicroProfile FT's asynchronous tasks and every
 * managedExecutorService run: the request thread waits for its inference. On one shared pool a burst can fill
 * every thread with requests waiting for inference tasks that are queued behind them on that very pool, so no
 * task ever gets a thread: a thread-starvation deadlock (the server hung that way in InferenceGuardIT until the
 * pool got a floor of 96 threads). A request thread can never take one of these threads.
 *
 * <p>Each task runs with the thread context of the request that submitted it (class loader, application
 * metadata; server.xml's default ContextService): CDI beans and MicroProfile Config, first used on these
 * threads, must find the application's.
 */
public final class InferencePool implements AutoCloseable {

    /** Idle threads end after this; a burst creates them again. */
    private static final long KEEP_ALIVE_SECONDS = 60;

    private final ThreadPoolExecutor executor;
    private final UnaryOperator<Callable<?>> context;
    /**
     * Running plus waiting calls: admission counts these, not the executor's threads, which are briefly busy
     * after their task's result is out (so a bare executor would refuse a call that follows one at once).
     */
    private final Semaphore places;

    /**
     * @param threads inferences running at once
     * @param queue   calls allowed to wait for a thread (0: none)
     * @param context wraps a task to run with its submitter's thread context
     */
    public InferencePool(int threads, int queue, ThreadFactory factory, UnaryOperator<Callable<?>> context) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("need at least 1 inference thread and a queue of at least 0, got "
                    + threads + " and " + queue);
        }
        this.executor = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        this.context = context;
        this.places = new Semaphore(threads + queue);
    }

    /** @throws RejectedExecutionException when every thread is busy and every queue place taken */
    @SuppressWarnings("unchecked") // the context wraps a Callable<T> into a Callable<T>
    <T> Future<T> submit(Callable<T> task) {
        if (!places.tryAcquire()) {
            throw new RejectedExecutionException("every inference thread and queue place is taken");
        }
        Admitted<T> admitted = new Admitted<>((Callable<T>) context.apply(task));
        try {
            executor.execute(admitted);
        } catch (RejectedExecutionException e) { // only after close()
            places.release();
            throw e;
        }
        return admitted;
    }

    /**
     * Gives up on a task: interrupts it if it runs; if it still waits, it never starts and its queue place is
     * free at once.
     */
    void withdraw(Future<?> task) {
        task.cancel(true);
        if (task instanceof Admitted<?> admitted && executor.remove(admitted)) {
            admitted.free(); // it never runs, so it never gives its place back itself
        }
    }

    /** Interrupts whatever runs; for the application's end. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * A task holding one place until it has run (or was cancelled before it could). The place is given back
     * before the result is published: a caller whose result is out may submit its next call at once, and must
     * find the place free (giving it back after the result raced that call into a refusal).
     */
    private final class Admitted<T> extends FutureTask<T> {
        private final AtomicBoolean freed = new AtomicBoolean();

        Admitted(Callable<T> task) {
            super(task);
        }

        @Override
        protected void set(T result) {
            free();
            super.set(result);
        }

        @Override
        protected void setException(Throwable failure) {
            free();
            super.setException(failure);
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                free(); // cancelled before it started: run() returns without a result
            }
        }

        void free() {
            if (freed.compareAndSet(false, true)) {
                places.release();
            }
        }
    }
}
