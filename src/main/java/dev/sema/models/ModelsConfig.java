package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.hub.HubCache;
import dev.sema.nllb.ModelVariant;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Sema's two models come from. Each key is a MicroProfile Config name, also settable as an environment
 * variable ({@code sema.model-repo} as {@code SEMA_MODEL_REPO}); defaults in
 * {@code META-INF/microprofile-config.properties}. Read through a {@link ConfigLookup} at each load, so a reload
 * picks up a revision chosen at runtime.
 *
 * @param modelRepo     {@code sema.model-repo}: translation repository
 * @param modelRevision {@code sema.model-revision}: branch, tag or commit
 * @param modelVariant  {@code sema.model-variant}: {@code quantized}, {@code fp16} or {@code fp32}
 * @param lidRepo       {@code sema.lid-repo}: language identification repository
 * @param lidRevision   {@code sema.lid-revision}: branch, tag or commit
 * @param lidFile       {@code sema.lid-file}: the fastText model file in {@code lidRepo}
 * @param modelDir      {@code sema.model-dir}: a local folder in the repository's layout; skips the download
 * @param lidModel      {@code sema.lid-model}: a local fastText file; skips the download
 */
public record ModelsConfig(String modelRepo, String modelRevision, ModelVariant modelVariant, String lidRepo,
                           String lidRevision, String lidFile, Optional<Path> modelDir, Optional<Path> lidModel) {

    public ModelsConfig {
        HubCache.folderName(modelRepo);
        HubCache.folderName(lidRepo);
        HubCache.checkRelative(lidFile);
    }

    public static ModelsConfig from(ConfigLookup config) {
        return new ModelsConfig(
                config.require("sema.model-repo"),
                config.require("sema.model-revision"),
                ModelVariant.parse(config.require("sema.model-variant")),
                config.require("sema.lid-repo"),
                config.require("sema.lid-revision"),
                config.require("sema.lid-file"),
                config.get("sema.model-dir").map(Path::of),
                config.get("sema.lid-model").map(Path::of));
    }
}
