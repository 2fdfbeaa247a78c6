package dev.sema.detection;

import dev.sema.api.error.ApiException;
import dev.sema.detection.fasttext.FastTextModel;
import dev.sema.detection.fasttext.Prediction;
import dev.sema.models.ModelStatus;
import dev.sema.models.ModelStatus.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Language identification with a fastText classifier, answering in NLLB-200 codes. The model loads when the
 * application starts; a missing or corrupt file leaves the slot FAILED (the server still deploys, detection
 * answers 503). The serving model is an immutable snapshot behind an {@link AtomicReference}, so a reload can
 * swap it while requests run.
 */
@ApplicationScoped
public class FastTextLanguageDetector implements LanguageDetector {

    static final String SLOT = "language_identification";
    private static final Logger LOG = Logger.getLogger(FastTextLanguageDetector.class.getName());
    private static final int RETRY_AFTER_SECONDS = 30;
    /** Extra labels requested beyond top_k, so labels NLLB lacks can be skipped without running short. */
    private static final int SPARE_LABELS = 16;

    private DetectionConfig config;
    private final LabelMapping mapping = new LabelMapping();
    private final AtomicReference<LidSnapshot> current = new AtomicReference<>(
            new LidSnapshot(null, status(State.NOT_CONFIGURED, "sema.lid-model (SEMA_LID_MODEL) is not set", null,
                    Map.of())));

    /** For CDI's client proxy only. */
    protected FastTextLanguageDetector() {
    }

    @Inject
    public FastTextLanguageDetector(DetectionConfig config) {
        this.config = config;
    }

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        config.model().ifPresent(this::load);
    }

    /**
     * Loads {@code file} and serves it. On failure a model already serving stays in place; without one the slot
     * becomes FAILED with the reason.
     *
     * @return the status afterwards
     */
    public ModelStatus load(Path file) {
        LidSnapshot before = current.get();
        if (before.model() == null) {
            current.set(new LidSnapshot(null, status(State.LOADING, "loading " + file, null,
                    Map.of("path", file.toString()))));
        }
        try {
            FastTextModel model = FastTextModel.load(file);
            current.set(new LidSnapshot(model, status(State.READY, null, OffsetDateTime.now(), info(model))));
            LOG.info(() -> "Language identification model " + file + " loaded in " + model.loadTime().toMillis()
                    + " ms (" + model.labels().size() + " labels)");
        } catch (Exception | OutOfMemoryError e) {
            LOG.log(Level.SEVERE, "Language identification model not loaded: " + e.getMessage());
            if (before.model() == null) {
                current.set(new LidSnapshot(null, status(State.FAILED, e.getMessage(), null,
                        Map.of("path", file.toString()))));
            } else {
                current.set(before);
            }
        }
        return status();
    }

    @Override
    public ModelStatus status() {
        return current.get().status();
    }

    @Override
    public Detection detect(String text, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1: " + topK);
        }
        LidSnapshot snapshot = current.get();
        FastTextModel model = snapshot.model();
        if (model == null) {
            throw ApiException.modelUnavailable("model_not_loaded", "Language identification model is not loaded ("
                    + snapshot.status().state() + ": " + snapshot.status().detail() + ")", RETRY_AFTER_SECONDS);
        }
        String line = LidText.normalise(text, config.lowercase());
        if (line.isEmpty()) {
            return new Detection(List.of(), false, List.of());
        }
        List<Prediction> predictions = model.predict(line, topK + SPARE_LABELS);
        TextScripts scripts = TextScripts.of(line);
        Map<String, Double> languages = new LinkedHashMap<>();
        List<Detection.Candidate> raw = new ArrayList<>();
        for (Prediction p : predictions) {
            double confidence = Math.min(1.0, p.probability());
            if (raw.size() < topK) {
                raw.add(new Detection.Candidate(p.label(), confidence));
            }
            // Two labels can share a language (lid.176 hr and sh): the better one speaks for it.
            if (languages.size() < topK) {
                mapping.toFlores(p.label(), scripts).ifPresent(code -> languages.putIfAbsent(code, confidence));
            }
        }
        List<Detection.Candidate> candidates = languages.entrySet().stream()
                .map(e -> new Detection.Candidate(e.getKey(), e.getValue())).toList();
        boolean reliable = !candidates.isEmpty() && candidates.get(0).confidence() >= config.minConfidence();
        return new Detection(candidates, reliable, List.copyOf(raw));
    }

    private static Map<String, Object> info(FastTextModel model) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("path", model.file().toString());
        info.put("format_version", model.version());
        info.put("labels", model.labels().size());
        info.put("words", model.nwords());
        info.put("dim", model.args().dim());
        info.put("loss", model.args().loss().name().toLowerCase());
        info.put("quantized", model.quantized());
        info.put("load_time_seconds", model.loadTime().toNanos() / 1e9);
        try {
            info.put("size_bytes", Files.size(model.file()));
        } catch (java.io.IOException e) {
            // the file was mapped a moment ago; a size is only descriptive
        }
        return Map.copyOf(info);
    }

    private static ModelStatus status(State state, String detail, OffsetDateTime loadedAt, Map<String, Object> info) {
        return new ModelStatus(SLOT, state, detail, loadedAt, info);
    }
}
