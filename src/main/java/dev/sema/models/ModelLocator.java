package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.hub.HubClient;
import dev.sema.models.hub.HubException;
import dev.sema.models.hub.HubSettings;
import dev.sema.models.hub.HubSnapshot;
import dev.sema.models.hub.ModelFileSelection;
import dev.sema.nllb.ModelVariant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds Sema's models on local disk, downloading them from the Hub first when no local copy is configured.
 * Plain Java, no CDI: the model lifecycle (background loading, health, reload) calls it from its own thread,
 * since a first download can take minutes.
 */
public final class ModelLocator {

    private final ModelsConfig config;
    private final HubClient hub;

    public ModelLocator(ModelsConfig config, HubClient hub) {
        this.config = config;
        this.hub = hub;
    }

    /** Reads {@link ModelsConfig} and the Hub settings ({@code HF_*}, {@code sema.hub-*}) from one lookup. */
    public static ModelLocator from(ConfigLookup lookup) {
        HubSettings settings = HubSettings.from(lookup);
        return new ModelLocator(ModelsConfig.from(lookup), new HubClient(settings));
    }

    public ModelsConfig config() {
        return config;
    }

    /**
     * @return the folder holding the configured NLLB variant in the repository's layout; a local folder with its
     *         {@link ModelFingerprint}, read at every load, so replaced files get a new identity
     */
    public ResolvedModel resolveTranslationModel() {
        ModelVariant variant = config.modelVariant();
        ModelFileSelection files = ModelFileSelection.nllb(variant);
        if (config.modelDir().isPresent()) {
            Path dir = config.modelDir().get();
            List<String> missing = Files.isDirectory(dir)
                    ? files.missingRequired(f -> Files.isRegularFile(dir.resolve(f))) : files.required();
            if (!missing.isEmpty()) {
                throw new HubException(HubException.Reason.LOCAL_MODEL_INVALID, "sema.model-dir (SEMA_MODEL_DIR) = "
                        + dir + (Files.isDirectory(dir) ? " lacks " + String.join(", ", missing)
                        : " is not a directory") + "; for " + files.purpose() + " it must hold "
                        + String.join(", ", files.required()) + " (the Hub repository's layout). Unset it to "
                        + "download " + config.modelRepo() + " instead.");
            }
            return ResolvedModel.local(dir, variant,
                    ModelFingerprint.of(dir, Stream.concat(files.required().stream(), files.optional().stream())
                            .toList()));
        }
        HubSnapshot snapshot = hub.fetch(config.modelRepo(), config.modelRevision(), files);
        return new ResolvedModel(config.modelRepo(), config.modelRevision(), snapshot.commit(), variant,
                snapshot.dir());
    }

    /** @return the fastText language identification model file */
    public ResolvedModel resolveLidModel() {
        if (config.lidModel().isPresent()) {
            Path file = config.lidModel().get();
            if (!Files.isRegularFile(file)) {
                throw new HubException(HubException.Reason.LOCAL_MODEL_INVALID, "sema.lid-model (SEMA_LID_MODEL) = "
                        + file + " is not a readable file. Point it at a fastText model (.bin or .ftz), or unset it "
                        + "to download " + config.lidFile() + " from " + config.lidRepo() + ".");
            }
            return ResolvedModel.local(file, null);
        }
        ModelFileSelection files = ModelFileSelection.single("language identification", config.lidFile());
        HubSnapshot snapshot = hub.fetch(config.lidRepo(), config.lidRevision(), files);
        return new ResolvedModel(config.lidRepo(), config.lidRevision(), snapshot.commit(), null,
                snapshot.file(config.lidFile()));
    }
}
