package dev.sema.models;

import dev.sema.models.hub.ConfigLookup;
import dev.sema.fasttext.FastTextModel;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.OrtSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sema's two models, each in a lease-counted {@link ModelSlot}: NLLB translation and fastText language
 * identification. Deployment never waits for them: at application start both load in the background on the
 * managed executor (a first Hub download takes minutes), and requests meanwhile get 503 {@code model_loading}.
 * A failed load leaves its slot FAILED with an actionable reason (the server still deploys and reports it in
 * health); a failed reload leaves the old model serving.
 *
 * <p>Sources ({@link ModelsConfig}): {@code sema.model-dir} / {@code sema.lid-model} name local copies and are
 * never replaced by a download, even when they are missing (a typo must not silently pull 1 GB from the Hub);
 * otherwise the Hub repositories are downloaded into the Hugging Face cache.
 */
@ApplicationScoped
public class ModelRegistry {

    public static final String TRANSLATION = "translation";
    public static final String LANGUAGE_IDENTIFICATION = "language_identification";

    private final ConfigLookup config;
    private final ModelSlot<NllbModel> translation = new ModelSlot<>(TRANSLATION);
    private final ModelSlot<FastTextModel> languageIdentification = new ModelSlot<>(LANGUAGE_IDENTIFICATION);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SlotLoader<NllbModel> translationLoader = new SlotLoader<>(translation, closed::get, this::announce);
    private final SlotLoader<FastTextModel> lidLoader =
            new SlotLoader<>(languageIdentification, closed::get, this::announce);
    /** Told of every model that starts serving: CDI observers record it in metrics and the event log. */
    private final Consumer<ModelLoaded> loadedListener;

    /** Liberty's default managed executor (feature concurrent-3.0): container threads with the app's context. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService managedExecutor;
    private final Executor executor;

    @Inject
    public ModelRegistry(Config config, Event<ModelLoaded> modelLoaded) {
        this(ConfigLookup.microProfile(config), null, modelLoaded::fire);
    }

    /**
     * For use outside a container (tests, tools).
     *
     * @param executor runs the loads; null means the container's managed executor
     */
    public ModelRegistry(ConfigLookup config, Executor executor) {
        this(config, executor, loaded -> { });
    }

    private ModelRegistry(ConfigLookup config, Executor executor, Consumer<ModelLoaded> loadedListener) {
        this.config = config;
        this.executor = executor;
        this.loadedListener = loadedListener;
    }

    /** For the CDI client proxy only. */
    protected ModelRegistry() {
        this(null, null, loaded -> { });
    }

    private void announce(ModelLoaded loaded) {
        loadedListener.accept(loaded);
    }

    public ModelSlot<NllbModel> translation() {
        return translation;
    }

    public ModelSlot<FastTextModel> languageIdentification() {
        return languageIdentification;
    }

    /** Starts loading both models and returns at once. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        start();
    }

    /**
     * Loads both models in the background (what application start does).
     *
     * @return completes when both loads have ended, successfully or not
     */
    public CompletionStage<Void> start() {
        CompletableFuture<ModelStatus> nllb = reload(Optional.empty()).toCompletableFuture();
        CompletableFuture<ModelStatus> lid = reloadLanguageIdentification().toCompletableFuture();
        return CompletableFuture.allOf(nllb, lid).handle((ok, failure) -> null);
    }

    /**
     * Loads the translation model again, from the Hub at {@code revision} (a branch, tag or commit; empty: the
     * configured {@code sema.model-revision}) or from {@code sema.model-dir}. The current model serves until the
     * new one is ready, then leaves once its in-flight requests finish.
     *
     * @return completes with the slot status after the swap, or exceptionally with the load failure (the slot
     *         then shows the reason and the old model keeps serving); fails at once with
     *         {@link IllegalStateException} while another translation load runs, and with
     *         {@link IllegalArgumentException} when a revision is given but {@code sema.model-dir} is set
     */
    public CompletionStage<ModelStatus> reload(Optional<String> revision) {
        ModelLocator locator;
        OrtSettings ort;
        try {
            locator = ModelLocator.from(revision.map(this::withRevision).orElse(config));
            ort = ortSettings();
        } catch (RuntimeException e) {
            return translationLoader.refuse(e);
        }
        ModelsConfig models = locator.config();
        if (revision.isPresent() && models.modelDir().isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("sema.model-dir (SEMA_MODEL_DIR) "
                    + "is set, so the translation model is read from " + models.modelDir().get()
                    + "; a revision applies only to Hub downloads."));
        }
        String what = models.modelDir().map(dir -> "the local model " + dir)
                .orElse(models.modelRepo() + "@" + models.modelRevision() + " (" + models.modelVariant().id()
                        + ") from the Hugging Face Hub");
        return translationLoader.load(what, new SlotLoader.Source<>(locator::resolveTranslationModel,
                resolved -> NllbModel.load(resolved.path(), resolved.variant(), ort),
                model -> Map.of("merged_decoder", model.mergedDecoder(),
                        "languages", model.tokenizer().languages().codes().size())), executor());
    }

    /**
     * Loads one slot again by its name: {@link #TRANSLATION} (at {@code revision}, see {@link #reload(Optional)}) or
     * {@link #LANGUAGE_IDENTIFICATION} (which has no revision to choose). Same contract as {@link #reload(Optional)}.
     *
     * @throws IllegalArgumentException for another name
     */
    public CompletionStage<ModelStatus> reload(String slot, Optional<String> revision) {
        return switch (slot) {
            case TRANSLATION -> reload(revision);
            case LANGUAGE_IDENTIFICATION -> reloadLanguageIdentification();
            default -> throw new IllegalArgumentException("no model slot " + slot);
        };
    }

    /** Loads the language identification model again; same contract as {@link #reload}. */
    public CompletionStage<ModelStatus> reloadLanguageIdentification() {
        ModelLocator locator;
        try {
            locator = ModelLocator.from(config);
        } catch (RuntimeException e) {
            return lidLoader.refuse(e);
        }
        ModelsConfig models = locator.config();
        String what = models.lidModel().map(file -> "the local model " + file)
                .orElse(models.lidRepo() + "/" + models.lidFile() + " from the Hugging Face Hub");
        return lidLoader.load(what, new SlotLoader.Source<>(locator::resolveLidModel,
                resolved -> FastTextModel.load(resolved.path()),
                ModelRegistry::describe), executor());
    }

    private static Map<String, Object> describe(FastTextModel model) {
        return Map.of("format_version", model.version(), "labels", model.labels().size(), "words", model.nwords(),
                "dim", model.args().dim(), "loss", model.args().loss().name().toLowerCase(Locale.ROOT),
                "quantized", model.quantized());
    }

    /** Takes both models out of service; each closes after its last in-flight request. */
    @PreDestroy
    void shutdown() {
        closed.set(true);
        translation.clear("the application is stopping");
        languageIdentification.clear("the application is stopping");
    }

    /**
     * ONNX Runtime session settings: {@code sema.ort-threads} (intra-op threads per session, 0 = one per physical
     * core), {@code sema.ort-optimization} (graph optimisation level) and {@code sema.ort-cpu-arena}.
     */
    private OrtSettings ortSettings() {
        String threads = config.require("sema.ort-threads");
        int intraOpThreads;
        try {
            intraOpThreads = Integer.parseInt(threads.trim());
        } catch (NumberFormatException e) {
            intraOpThreads = -1;
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("sema.ort-threads (SEMA_ORT_THREADS) must be a whole number >= 0, got '"
                    + threads + "'");
        }
        String level = config.require("sema.ort-optimization");
        String arena = config.require("sema.ort-cpu-arena");
        if (!arena.equalsIgnoreCase("true") && !arena.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("sema.ort-cpu-arena (SEMA_ORT_CPU_ARENA) must be true or false, got '"
                    + arena + "'");
        }
        try {
            return new OrtSettings(intraOpThreads, OrtSettings.parseOptLevel(level), Boolean.parseBoolean(arena));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sema.ort-optimization (SEMA_ORT_OPTIMIZATION): " + e.getMessage(), e);
        }
    }

    private ConfigLookup withRevision(String revision) {
        return key -> key.equals("sema.model-revision") ? Optional.of(revision) : config.raw(key);
    }

    private Executor executor() {
        return executor != null ? executor : managedExecutor;
    }
}
