package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.models.hub.HubClient;
import dev.sema.models.hub.HubSettings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One periodic update check: asks the Hub which commit each served model's revision points to now, and reloads a
 * model whose commit moved (a new push to {@code main}, a moved tag). Costs one small metadata request per model;
 * the reload itself downloads only the files that changed. Never touches the network with
 * {@code HF_HUB_OFFLINE}, and never for a local copy ({@code sema.model-dir}, {@code sema.lid-model}).
 */
public final class ModelUpdateCheck {

    private static final Logger LOG = Logger.getLogger(ModelUpdateCheck.class.getName());

    private final ModelRegistry registry;
    private final ConfigLookup config;

    public ModelUpdateCheck(ModelRegistry registry, ConfigLookup config) {
        this.registry = registry;
        this.config = config;
    }

    /** @return one line per model saying what happened, for the log and the admin endpoint */
    public List<String> run() {
        HubSettings settings = HubSettings.from(config);
        ModelsConfig models = ModelsConfig.from(config);
        if (settings.offline()) {
            return List.of("skipped: HF_HUB_OFFLINE is set");
        }
        HubClient hub = new HubClient(settings);
        List<String> outcome = new ArrayList<>();
        outcome.add(models.modelDir().isPresent() ? "translation: local copy, not checked"
                : check(hub, registry.translation(), models.modelRepo(), models.modelRevision(),
                        revision -> registry.reload(Optional.of(revision))));
        outcome.add(models.lidModel().isPresent() ? "language_identification: local copy, not checked"
                : check(hub, registry.languageIdentification(), models.lidRepo(), models.lidRevision(),
                        revision -> registry.reloadLanguageIdentification()));
        return outcome;
    }

    /**
     * Compares the served commit with the remote one. The served revision wins over the configured one, so a
     * revision an operator chose through the admin endpoint keeps being followed.
     */
    private String check(HubClient hub, ModelSlot<?> slot, String repo, String configuredRevision,
                         Function<String, CompletionStage<ModelStatus>> reload) {
        ModelStatus status = slot.status();
        if (status.state() == ModelStatus.State.LOADING) {
            return slot.name() + ": loading, not checked";
        }
        Object served = status.info().get("revision");
        String revision = served instanceof String s ? s : configuredRevision;
        Object loaded = status.info().get("commit");
        String remote;
        try {
            remote = hub.remoteCommit(repo, revision);
        } catch (IOException | RuntimeException e) {
            String why = slot.name() + ": " + repo + "@" + revision + " could not be checked: " + e.getMessage();
            LOG.warning(why);
            return why;
        }
        if (remote.equals(loaded)) {
            return slot.name() + ": " + repo + "@" + revision + " is still " + remote;
        }
        String what = slot.name() + ": " + repo + "@" + revision + " moved from " + loaded + " to " + remote
                + "; reloading";
        LOG.info(what);
        // The loader logs and reports a failure itself; the old model keeps serving meanwhile.
        reload.apply(revision);
        return what;
    }
}
