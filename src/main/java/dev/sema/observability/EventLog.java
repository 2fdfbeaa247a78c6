package dev.sema.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Structured events, one JSON object per log record on the {@code dev.sema.events} logger (Liberty's JSON
 * console format wraps it as the message). Events: {@code translation_request}, {@code detection_request},
 * {@code model_loaded}, {@code rate_limited}, {@code quota_exceeded} and {@code api_key_created} / {@code _updated} /
 * {@code _revoked} (key id only, never a secret). Input text is never logged unless {@code sema.log-text=true};
 * client ids are hashed unless {@code sema.log-client-hash=false}.
 */
@ApplicationScoped
public class EventLog {

    /** Looked up once, not per event (see {@code api.filter.JsonShape.JSON}). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final Logger LOG = Logger.getLogger("dev.sema.events");

    private final boolean logText;
    private final boolean hashClient;

    @Inject
    public EventLog(ObservabilityConfig config) {
        this.logText = config.logText();
        this.hashClient = config.logClientHash();
    }

    /** For CDI's client proxy only. */
    protected EventLog() {
        this(new ObservabilityConfig(false, true));
    }

    /**
     * @param sourceLanguage detected or requested source code
     * @param characters     input length in code points
     * @param inference      model time
     * @param total          whole request time
     * @param text           the input, logged only when {@code sema.log-text=true}
     */
    public void translationRequest(String requestId, String client, String sourceLanguage, String targetLanguage,
                                   long characters, Duration inference, Duration total, String text) {
        JsonObjectBuilder event = event("translation_request", requestId, client)
                .add("source_language", sourceLanguage)
                .add("target_language", targetLanguage)
                .add("character_count", characters)
                .add("inference_time", seconds(inference))
                .add("total_time", seconds(total));
        emit(withText(event, text));
    }

    public void detectionRequest(String requestId, String client, String detectedLanguage, double confidence,
                                 long characters, Duration inference, Duration total, String text) {
        JsonObjectBuilder event = event("detection_request", requestId, client)
                .add("detected_language", detectedLanguage)
                .add("confidence", confidence)
                .add("character_count", characters)
                .add("inference_time", seconds(inference))
                .add("total_time", seconds(total));
        emit(withText(event, text));
    }

    public void modelLoaded(String model, String location, Duration loadTime) {
        emit(event("model_loaded", null, null)
                .add("model", model)
                .add("location", location)
                .add("load_time", seconds(loadTime)));
    }

    /** @param requested requests of quota the refused call needed (a batch needs one per text) */
    public void rateLimited(String client, long requested, long limit, String window) {
        emit(event("rate_limited", null, client)
                .add("requested", requested)
                .add("limit", limit)
                .add("window", window));
    }

    /** @param action {@code api_key_created}, {@code api_key_updated} or {@code api_key_revoked} */
    public void apiKeyChanged(String action, String keyId) {
        emit(event(action, null, null).add("key_id", keyId));
    }

    /** @param period {@code day} or {@code month} */
    public void quotaExceeded(String keyId, String period, long limit, long requested) {
        emit(event("quota_exceeded", null, null)
                .add("key_id", keyId)
                .add("period", period)
                .add("limit", limit)
                .add("requested", requested));
    }

    private JsonObjectBuilder event(String name, String requestId, String client) {
        JsonObjectBuilder event = JSON.createObjectBuilder()
                .add("event", name)
                .add("timestamp", Instant.now().toString());
        if (requestId != null) {
            event.add("request_id", requestId);
        }
        if (client != null) {
            event.add("client", hashClient ? Sha256.shortHex(client) : client);
        }
        return event;
    }

    private JsonObjectBuilder withText(JsonObjectBuilder event, String text) {
        return logText && text != null ? event.add("text", text) : event;
    }

    private static void emit(JsonObjectBuilder event) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(event.build().toString());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
