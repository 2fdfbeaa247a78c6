package dev.sema.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Every {@code sema_*} metric, in the application registry. Names follow the Prometheus exposition of
 * MicroProfile Metrics 5.1 (Micrometer-based in Liberty): a counter registered as {@code sema_requests} is
 * exposed as {@code sema_requests_total}, a timer {@code sema_request_duration} as
 * {@code sema_request_duration_seconds} ({@code _count}, {@code _sum}, {@code _max}), a histogram keeps its name
 * with the same suffixes, and a gauge without unit keeps its name. Each series also carries
 * {@code mp_scope="application"}. The latency timers and the size histogram are Prometheus histograms (their
 * {@code _bucket} series, bounds in {@code META-INF/microprofile-config.properties}, which Liberty's mpMetrics reads
 * from the application's configuration) rather than per-replica quantiles, so a fleet's percentiles can be summed.
 *
 * <p>Label values are bounded so that no client can grow the series count: endpoints are route templates
 * (see {@code api.filter.RouteTemplates.of}), language labels must look like FLORES-200 codes and stop at
 * {@value #MAX_LANGUAGE_LABELS} distinct values (afterwards {@code other}), error types are short slugs.
 */
@ApplicationScoped
public class SemaMetrics {

    static final int MAX_LANGUAGE_LABELS = 300;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{3}_[A-Z][a-z]{3}");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private static final Metadata REQUESTS = metadata("sema_requests", "HTTP requests by method, route and status");
    private static final Metadata REQUEST_DURATION = metadata("sema_request_duration", "HTTP request latency");
    private static final Metadata TRANSLATIONS = metadata("sema_translations", "Successful translations");
    private static final Metadata CHARACTERS = metadata("sema_characters_translated",
            "Characters (code points) of translated input");
    private static final Metadata TRANSLATION_DURATION = metadata("sema_translation_duration",
            "Time spent translating one text");
    private static final Metadata BATCH_TEXTS = metadata("sema_translation_batch_texts",
            "Texts translated together: 1 for /translate, a /translate/batch request's texts of one source language");
    private static final Metadata DETECTIONS = metadata("sema_language_detections", "Successful detections");
    private static final Metadata DETECTION_DURATION = metadata("sema_detection_duration",
            "Time spent detecting the language of one text");
    private static final Metadata ERRORS = metadata("sema_errors", "Failed requests by error type and route");
    private static final Metadata MODEL_LOAD = metadata("sema_model_load_time", "Time taken to load a model");
    private static final Metadata CACHE_HITS = metadata("sema_translation_cache_hits",
            "Segments whose translation came from the translation cache, by level (memory, shared)");
    private static final Metadata CACHE_MISSES = metadata("sema_translation_cache_misses",
            "Segments looked up in the translation cache, found in no level and decoded");
    private static final Tag MEMORY = new Tag("level", "memory");
    private static final Tag SHARED = new Tag("level", "shared");
    private static final Metadata RATE_LIMITED = metadata("sema_rate_limited", "Requests refused with 429");
    private static final Metadata QUOTA_EXCEEDED = metadata("sema_quota_exceeded",
            "Requests refused because an API key's character quota is spent");
    private static final Metadata AUTH_FAILURES = metadata("sema_auth_failures",
            "Requests refused for their API key, by reason");
    private static final Metadata INFERENCE_CANCELLED = metadata("sema_inference_cancelled",
            "Translations abandoned before they finished (their decoding stops), by reason");
    private static final Metadata DOCUMENTS = metadata("sema_documents",
            "Documents whose job ended, by format and status (done, error)");
    private static final Metadata DOCUMENT_DURATION = metadata("sema_document_duration",
            "Time from a document's upload to the end of its job");

    private final MetricRegistry registry;
    private final Set<String> languageLabels = ConcurrentHashMap.newKeySet();

    @Inject
    public SemaMetrics(@RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry) {
        this.registry = registry;
        // Supplier gauges: Micrometer holds an object-plus-function gauge's object only weakly.
        Runtime runtime = Runtime.getRuntime();
        registry.gauge(metadata("sema_memory_usage_bytes", "JVM heap in use, bytes"),
                () -> runtime.totalMemory() - runtime.freeMemory());
    }

    /** For CDI's client proxy only. */
    protected SemaMetrics() {
        this.registry = null;
    }

    /**
     * Reports how many calls wait for an inference slot; the guard registers its counter at start-up, so this
     * package does not depend on the guard.
     */
    public void gaugeInferenceQueue(IntSupplier queueDepth) {
        registry.gauge(metadata("sema_inference_queue_depth", "Requests waiting for an inference slot"),
                queueDepth::getAsInt);
    }

    /** Reports how many inferences run now (a cancelled one counts until its thread has let go of the decoder). */
    public void gaugeInferenceRunning(IntSupplier running) {
        registry.gauge(metadata("sema_inference_running", "Inferences running now"), running::getAsInt);
    }

    /** Reports how many documents wait or are being translated, by all replicas (the shared queue). */
    public void gaugeDocumentQueue(IntSupplier depth) {
        registry.gauge(metadata("sema_documents_queue_depth", "Documents queued or translating, all replicas"),
                depth::getAsInt);
    }

    /** Reports how many clients the rate limiter tracks; bounded by {@code sema.rate-limit-max-clients}. */
    public void gaugeRateLimitClients(LongSupplier clients) {
        registry.gauge(metadata("sema_rate_limit_clients", "Clients the rate limiter currently tracks"),
                clients::getAsLong);
    }

    /** Characters this server holds reserved ahead for keys' next requests; registered only with API keys on. */
    public void gaugeQuotaCharactersAhead(LongSupplier characters) {
        registry.gauge(metadata("sema_quota_characters_ahead",
                "Characters this server holds reserved ahead for API keys' next requests (quota leases)"),
                characters::getAsLong);
    }

    /** 1 while the shared store (Redis) answers, 0 while replicas limit and cache alone; registered only with Redis. */
    public void gaugeSharedStoreUp(IntSupplier up) {
        registry.gauge(metadata("sema_shared_store_up", "1 while the shared store (Redis) answers, else 0"),
                up::getAsInt);
    }

    /** 1 while every model is loaded (readiness's models check), else 0. */
    public void gaugeModelsReady(IntSupplier ready) {
        registry.gauge(metadata("sema_models_ready", "1 while every model is loaded and serving, else 0"),
                ready::getAsInt);
    }

    /** Registers the gauges at start-up instead of on the first request, so a fresh scrape already has them. */
    void register(@Observes Startup startup) {
        // Observing is enough: the container creates the bean, whose constructor registers the gauges.
    }

    public void recordRequest(String method, String endpoint, int status, Duration duration) {
        Tag methodTag = new Tag("method", method);
        Tag endpointTag = new Tag("endpoint", endpoint);
        registry.counter(REQUESTS, methodTag, endpointTag, new Tag("status", Integer.toString(status))).inc();
        registry.timer(REQUEST_DURATION, methodTag, endpointTag).update(duration);
    }

    /** @param errorType short slug such as {@code rate_limited} or {@code translation_error} */
    public void recordError(String errorType, String endpoint) {
        registry.counter(ERRORS, new Tag("error_type", slug(errorType)), new Tag("endpoint", endpoint)).inc();
    }

    private static String slug(String value) {
        return SLUG.matcher(value).matches() ? value : "other";
    }

    /** How many texts one successful engine call translated together (a batch's texts of one source language). */
    public void recordTranslationBatch(int texts) {
        registry.histogram(BATCH_TEXTS).update(texts);
    }

    /** One successful translation of {@code characters} code points that took {@code duration}. */
    public void recordTranslation(String sourceLanguage, String targetLanguage, long characters, Duration duration) {
        Tag source = new Tag("source_lang", languageLabel(sourceLanguage));
        Tag target = new Tag("target_lang", languageLabel(targetLanguage));
        registry.counter(TRANSLATIONS, source, target).inc();
        registry.counter(CHARACTERS).inc(characters);
        registry.timer(TRANSLATION_DURATION, source, target).update(duration);
    }

    public void recordDetection(String detectedLanguage, Duration duration) {
        registry.counter(DETECTIONS, new Tag("detected_lang", languageLabel(detectedLanguage))).inc();
        registry.timer(DETECTION_DURATION).update(duration);
    }

    /** @param model a model name from configuration (not from a request), e.g. {@code nllb-200-distilled-600M} */
    public void recordModelLoad(String model, Duration duration) {
        registry.timer(MODEL_LOAD, new Tag("model", model)).update(duration);
    }

    /**
     * One request's translation cache lookups, in segments: hits carry {@code level="memory"} (this server) or
     * {@code level="shared"} (Redis, filled by any replica), so summing over the label gives what the unlabelled
     * counter counted before the shared level existed.
     */
    public void recordTranslationCache(int memoryHits, int sharedHits, int misses) {
        registry.counter(CACHE_HITS, MEMORY).inc(memoryHits);
        registry.counter(CACHE_HITS, SHARED).inc(sharedHits);
        registry.counter(CACHE_MISSES).inc(misses);
    }

    public void recordRateLimited() {
        registry.counter(RATE_LIMITED).inc();
    }

    public void recordQuotaExceeded() {
        registry.counter(QUOTA_EXCEEDED).inc();
    }

    /** @param reason a short slug ({@code missing}, {@code unknown}, {@code revoked}, …), never a key id */
    public void recordAuthFailure(String reason) {
        registry.counter(AUTH_FAILURES, new Tag("reason", slug(reason))).inc();
    }

    /** @param reason a short slug such as {@code timeout} */
    public void recordInferenceCancelled(String reason) {
        registry.counter(INFERENCE_CANCELLED, new Tag("reason", slug(reason))).inc();
    }

    /**
     * A document whose job ended on this replica.
     *
     * @param format a format's name (a bean's, not the client's), {@code status} done or error
     */
    public void recordDocument(String format, String status, Duration sinceUpload) {
        Tag formatTag = new Tag("format", slug(format));
        registry.counter(DOCUMENTS, formatTag, new Tag("status", slug(status))).inc();
        registry.timer(DOCUMENT_DURATION, formatTag).update(sinceUpload);
    }

    /** A FLORES-200-shaped code, until {@value #MAX_LANGUAGE_LABELS} distinct ones have been seen; else "other". */
    String languageLabel(String code) {
        if (code == null || !LANGUAGE.matcher(code).matches()) {
            return "other";
        }
        if (languageLabels.contains(code)) {
            return code;
        }
        synchronized (languageLabels) {
            if (languageLabels.size() >= MAX_LANGUAGE_LABELS) {
                return "other";
            }
            languageLabels.add(code);
            return code;
        }
    }

    /** No unit on purpose: the exposed name is then exactly the Prometheus name documented above. */
    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
