package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.hub.HubCache;
import dev.sema.nllb.ModelVariant;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Sema's two models come from. Each key is a MicroProfile Config name, also settable as an environment
 * variable ({@code sema.model-repo} as {@code SEMA_MODEL_REPO}).
 *
 * @param modelRepo     {@code sema.model-repo}: translation repository, default {@value #DEFAULT_MODEL_REPO}
 * @param modelRevision {@code sema.model-revision}: branch, tag or commit, default {@code main}
 * @param modelVariant  {@code sema.model-variant}: {@code quantized} (default), {@code fp16} or {@code fp32}
 * @param lidRepo       {@code sema.lid-repo}: language identification repository, default {@value #DEFAULT_LID_REPO}
 * @param lidRevision   {@code sema.lid-revision}: default {@code main}
 * @param lidFile       {@code sema.lid-file}: the fastText model file in {@code lidRepo}, default {@code model.bin}
 * @param modelDir      {@code sema.model-dir}: a local folder in the repository's layout; skips the download
 * @param lidModel      {@code sema.lid-model}: a local fastText file; skips the download
 */
public record ModelsConfig(String modelRepo, String modelRevision, ModelVariant modelVariant, String lidRepo,
                           String lidRevision, String lidFile, Optional<Path> modelDir, Optional<Path> lidModel) {

    public static final String DEFAULT_MODEL_REPO = "Xenova/nllb-200-distilled-600M";
    public static final String DEFAULT_LID_REPO = "facebook/fasttext-language-identification";
    public static final String DEFAULT_REVISION = "main";
    public static final String DEFAULT_LID_FILE = "model.bin";

    public ModelsConfig {
        HubCache.folderName(modelRepo);
        HubCache.folderName(lidRepo);
        HubCache.checkRelative(lidFile);
    }

    public static ModelsConfig defaults() {
        return from(key -> Optional.empty());
    }

    public static ModelsConfig from(ConfigLookup config) {
        return new ModelsConfig(
                config.get("sema.model-repo").orElse(DEFAULT_MODEL_REPO),
                config.get("sema.model-revision").orElse(DEFAULT_REVISION),
                config.get("sema.model-variant").map(ModelVariant::parse).orElse(ModelVariant.QUANTIZED),
                config.get("sema.lid-repo").orElse(DEFAULT_LID_REPO),
                config.get("sema.lid-revision").orElse(DEFAULT_REVISION),
                config.get("sema.lid-file").orElse(DEFAULT_LID_FILE),
                config.get("sema.model-dir").map(Path::of),
                config.get("sema.lid-model").map(Path::of));
    }
}
