package dev.sema.detection;

import dev.sema.fasttext.FastTextModel;
import dev.sema.fasttext.Prediction;
import dev.sema.models.ModelRegistry;
import dev.sema.models.ModelSlot;
import dev.sema.models.ModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Language identification with a fastText classifier, answering in NLLB-200 codes. The model lives in the
 * {@link ModelRegistry}'s language identification slot, which loads it in the background at start-up and can
 * swap it while requests run; each detection leases the model serving at that moment. Without a model the
 * detector answers 503 ({@code model_loading} or {@code model_not_loaded} with the reason).
 */
@ApplicationScoped
public class FastTextLanguageDetector implements LanguageDetector {

    /** Extra labels requested beyond top_k, so labels NLLB lacks can be skipped without running short. */
    private static final int SPARE_LABELS = 16;

    private final ModelSlot<FastTextModel> slot;
    private final DetectionConfig config;
    private final LabelMapping mapping = new LabelMapping();

    @Inject
    public FastTextLanguageDetector(ModelRegistry registry, DetectionConfig config) {
        this(registry == null ? null : registry.languageIdentification(), config);
    }

    public FastTextLanguageDetector(ModelSlot<FastTextModel> slot, DetectionConfig config) {
        this.slot = slot;
        this.config = config;
    }

    /** For CDI's client proxy only. */
    protected FastTextLanguageDetector() {
        this((ModelSlot<FastTextModel>) null, null);
    }

    @Override
    public ModelStatus status() {
        return slot.status();
    }

    @Override
    public Detection detect(String text, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1: " + topK);
        }
        List<Prediction> predictions;
        String line;
        try (ModelSlot.Lease<FastTextModel> lease = slot.acquire()) {
            line = LidText.normalise(text, config.lowercase());
            if (line.isEmpty()) {
                return new Detection(List.of(), false, List.of());
            }
            predictions = lease.model().predict(line, topK + SPARE_LABELS);
        }
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
}
