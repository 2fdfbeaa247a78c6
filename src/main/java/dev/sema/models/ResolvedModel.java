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
 */
public record ResolvedModel(String repo, String revision, String commit, ModelVariant variant, Path path) {

    public static ResolvedModel local(Path path, ModelVariant variant) {
        return new ResolvedModel(null, null, null, variant, path);
    }

    public boolean local() {
        return commit == null;
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
        return info;
    }

    private static void putIfPresent(Map<String, Object> info, String key, Object value) {
        if (value != null) {
            info.put(key, value);
        }
    }
}
