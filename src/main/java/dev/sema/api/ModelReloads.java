package dev.sema.api;

import dev.sema.api.dto.ReloadRequest;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * One admin reload: which slots a {@link ReloadRequest} names, the loads it starts, and what became of them.
 * Client mistakes surface as {@link ApiException} before any load starts.
 */
final class ModelReloads {

    static final List<String> ALL = List.of(ModelRegistry.TRANSLATION, ModelRegistry.LANGUAGE_IDENTIFICATION);

    private final Map<String, CompletableFuture<ModelStatus>> started = new LinkedHashMap<>();

    private ModelReloads() {
    }

    /**
     * Starts the reloads {@code request} asks for.
     *
     * @throws ApiException 400 for an invalid request, 409 when a reload of a named model is already running
     */
    static ModelReloads start(ModelRegistry registry, ReloadRequest request) {
        ModelReloads reloads = new ModelReloads();
        for (String slot : slots(request)) {
            reloads.started.put(slot, registry.reload(slot, Optional.ofNullable(request.revision()))
                    .toCompletableFuture());
        }
        reloads.refusal().ifPresent(e -> {
            throw e;
        });
        return reloads;
    }

    List<String> slots() {
        return List.copyOf(started.keySet());
    }

    /** @return false when {@code seconds} passed (or the thread was interrupted) before every load ended */
    boolean await(int seconds) {
        try {
            CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            // Each failure is reported by failures(), per model.
        }
        return true;
    }

    /** "slot: reason" for each load that failed, joined; empty when all succeeded. */
    String failures() {
        return started.entrySet().stream().filter(f -> f.getValue().isCompletedExceptionally())
                .map(f -> f.getKey() + ": " + message(cause(f.getValue()))).collect(Collectors.joining("; "));
    }

    private static List<String> slots(ReloadRequest request) {
        if (request.revision() != null && request.revision().isBlank()) {
            throw invalid("revision", "revision must not be blank; leave it out for the configured one.");
        }
        String model = request.model() != null ? request.model()
                : request.revision() != null ? ModelRegistry.TRANSLATION : "all";
        List<String> slots = model.equals("all") ? ALL : ALL.contains(model) ? List.of(model) : null;
        if (slots == null) {
            throw invalid("model", "model must be one of translation, language_identification, all; got '"
                    + model + "'.");
        }
        if (request.revision() != null && !slots.equals(List.of(ModelRegistry.TRANSLATION))) {
            throw invalid("revision", "A revision applies to the translation model only; set model to translation.");
        }
        return slots;
    }

    /** Loads that could not even start: another reload running (409) or a revision that cannot apply (400). */
    private Optional<ApiException> refusal() {
        for (CompletableFuture<ModelStatus> future : started.values()) {
            Throwable cause = future.isCompletedExceptionally() ? cause(future) : null;
            if (cause instanceof IllegalStateException) {
                return Optional.of(new ApiException(409, "reload_in_progress", cause.getMessage()));
            }
            if (cause instanceof IllegalArgumentException) {
                return Optional.of(new ApiException(400, "invalid_value", cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static Throwable cause(CompletableFuture<ModelStatus> failed) {
        try {
            failed.join();
            throw new IllegalStateException("not a failed load");
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private static String message(Throwable cause) {
        return cause.getMessage() == null || cause.getMessage().isBlank() ? cause.toString() : cause.getMessage();
    }

    private static ApiException invalid(String field, String message) {
        return RequestChecks.invalid(400, "invalid_value", field, message, message);
    }
}
