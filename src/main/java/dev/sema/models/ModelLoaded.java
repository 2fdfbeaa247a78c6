package dev.sema.models;

import java.time.Duration;

/**
 * CDI event a model holder fires ({@code Event<ModelLoaded>}) each time a model has been loaded or reloaded;
 * {@code observability.ModelLoadRecorder} turns it into {@code sema_model_load_time_seconds} and a {@code model_loaded} log
 * event, so model code needs no dependency on metrics or logging.
 *
 * @param model    configured model name (never request data), e.g. {@code nllb-200-distilled-600M}
 * @param location where it was loaded from (directory or file)
 * @param loadTime wall time from opening the files to ready
 */
public record ModelLoaded(String model, String location, Duration loadTime) {
}
