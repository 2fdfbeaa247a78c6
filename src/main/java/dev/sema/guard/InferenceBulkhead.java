package dev.sema.guard;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The MicroProfile Fault Tolerance policy around model inference: at most {@code value} inferences run at once,
 * at most {@code waitingTaskQueue} more wait, and a call (wait plus run) ends after the timeout. The numbers
 * here are defaults only; {@code META-INF/microprofile-config.properties} maps the FT keys
 * ({@code dev.sema.guard.InferenceBulkhead/run/Bulkhead/value}, {@code .../waitingTaskQueue},
 * {@code .../Timeout/value}) onto {@code sema.inference-concurrency}, {@code sema.inference-queue} and
 * {@code sema.inference-timeout} (seconds). There is deliberately no {@code @Fallback}: a client gets a real
 * translation or a clear refusal, never a substitute.
 *
 * <p>Only {@link InferenceGuard} calls this bean, always through its CDI proxy (a self-call would bypass the
 * interceptors). On timeout FT interrupts the worker, which ONNX Runtime ignores: the inference finishes in the
 * background, still holding its slot, so a timed-out burst cannot oversubscribe the CPUs.
 */
@ApplicationScoped
public class InferenceBulkhead {

    @Asynchronous
    @Bulkhead(value = 2, waitingTaskQueue = 8)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public <T> CompletionStage<T> run(Supplier<T> inference) {
        return CompletableFuture.completedFuture(inference.get());
    }
}
