package dev.sema.models;

import dev.sema.nllb.ModelVariant;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model ready on local disk.
 *
 * @param repo     Hub repository, null for a local copy ({@code sema.model-dir} / {@code sema.lid-model})
 * @param revision revision asked for, null for a local copy
 * @param commit   40-hex commit the files come from, null for a local copy
 * @param variant  NLLB variant id ({@code quantized}, ...), null for the language identification model
 * @param path     translation: the folder in repository layout ({@code config.json}, {@code onnx/...});
 *                 language identification: the fastText file
 * @param fingerprint the content identity of a local translation model ({@link ModelFingerprint}), else null
 */
public record ResolvedModel(String repo, String revision, String commit, ModelVariant variant, Path path,
                            String fingerprint) {

    /** Key of {@link #contentId()} in {@link #info()}, and so in a model slot's info. */
    public static final String CONTENT_ID = "content_id";

    /** A model from the Hub, identified by its commit. */
    public ResolvedModel(String repo, String revision, String commit, ModelVariant variant, Path path) {
        this(repo, revision, commit, variant, path, null);
    }

    /** A local copy known by its path only (the language identification model). */
    public static ResolvedModel local(Path path, ModelVariant variant) {
        return local(path, variant, null);
    }

    public static ResolvedModel local(Path path, ModelVariant variant, String fingerprint) {
        return new ResolvedModel(null, null, null, variant, path, fingerprint);
    }

    public boolean local() {
        return commit == null;
    }

    /**
     * What the model's files hold, the same on every server that loads the same files and different for other
     * files: for a Hub model its repository, commit and variant (or file), for a local translation model its
     * fingerprint; null for a local copy without one. Paths and load times never count, so replicas agree.
     */
    public String contentId() {
        if (!local()) {
            return repo + "@" + commit + ":" + (variant != null ? variant.id() : path.getFileName());
        }
        return fingerprint;
    }

    /** Descriptive fields for {@link ModelStatus#info()}, without the absent ones. */
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("source", local() ? "local" : "huggingface");
        putIfPresent(info, "repo", repo);
        putIfPresent(info, "revision", revision);
        putIfPresent(info, "commit", commit);
        putIfPresent(info, "variant", variant == null ? null : variant.id());
        info.put("path", path.toString());
        putIfPresent(info, CONTENT_ID, contentId());
        return info;
    }

    private static void putIfPresent(Map<String, Object> info, String key, Object value) {
        if (value != null) {
            info.put(key, value);
        }
    }
}
