package dev.sema.observability;

import dev.sema.detection.LanguageDetector;
import dev.sema.models.ManagedModel;
import dev.sema.models.ModelStatus;
import dev.sema.translation.TranslationEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of every model bean, discovered through CDI, for health checks and the status endpoints. Sema
 * serves translation and language identification, so a missing bean for either counts as not ready.
 */
@ApplicationScoped
public class ModelsOverview {

    private final Instance<ManagedModel> models;
    private final Instance<TranslationEngine> translators;
    private final Instance<LanguageDetector> detectors;

    @Inject
    public ModelsOverview(Instance<ManagedModel> models, Instance<TranslationEngine> translators,
                          Instance<LanguageDetector> detectors) {
        this.models = models;
        this.translators = translators;
        this.detectors = detectors;
    }

    /** For the CDI client proxy only. */
    protected ModelsOverview() {
        this(null, null, null);
    }

    /** Every model's status; a required engine without any bean appears as a {@code NOT_CONFIGURED} slot. */
    public List<ModelStatus> statuses() {
        List<ModelStatus> all = new ArrayList<>();
        models.forEach(m -> all.add(m.status()));
        if (translators.isUnsatisfied()) {
            all.add(notDeployed("translation", "no translation engine is deployed"));
        }
        if (detectors.isUnsatisfied()) {
            all.add(notDeployed("language_identification", "no language detector is deployed"));
        }
        return all;
    }

    /** True when every required engine exists and every model is ready. */
    public boolean allReady(List<ModelStatus> statuses) {
        return statuses.stream().allMatch(ModelStatus::ready);
    }

    /** Seconds since the JVM started. */
    public double uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }

    private static ModelStatus notDeployed(String slot, String reason) {
        return new ModelStatus(slot, ModelStatus.State.NOT_CONFIGURED, reason, null, Map.of());
    }
}
