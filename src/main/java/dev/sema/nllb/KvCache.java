package dev.sema.nllb;

import ai.onnxruntime.OnnxTensor;

import java.util.HashMap;
import java.util.Map;

/**
 * The decoder's attention cache between steps, as native tensors keyed by the input they feed
 * ({@code past_key_values.{i}.{decoder|encoder}.{key|value}}, each [rows, H, positions, D/H]).
 *
 * <p>Self-attention ("decoder") entries are replaced by every step's {@code present} outputs. Cross-attention
 * ("encoder") entries come from the first step only: the merged graph's cached branch returns empty constants
 * in their place, and the with-past graph none at all.
 */
final class KvCache implements AutoCloseable {

    private final NativeTensors tensors;
    private final Map<String, OnnxTensor> self = new HashMap<>();
    private final Map<String, OnnxTensor> cross = new HashMap<>();

    KvCache(NativeTensors tensors) {
        this.tensors = tensors;
    }

    boolean isEmpty() {
        return self.isEmpty();
    }

    /** Inputs for the next cached step: every self- and cross-attention entry. */
    Map<String, OnnxTensor> pastInputs() {
        Map<String, OnnxTensor> inputs = new HashMap<>(self);
        inputs.putAll(cross);
        return inputs;
    }

    /**
     * Takes the {@code present.*} outputs of a step out of {@code scope}, replacing (and closing) the entries
     * they supersede. Cross-attention outputs are taken only when the cache has none yet.
     */
    void update(TensorScope scope, Map<String, OnnxTensor> outputs) {
        boolean first = cross.isEmpty();
        outputs.forEach((name, tensor) -> {
            if (name.startsWith(KvNames.PRESENT)) {
                boolean isSelf = KvNames.isSelf(name);
                if (isSelf || first) {
                    replace(isSelf ? self : cross, KvNames.pastOf(name), scope.keep(tensor));
                }
            }
        });
    }

    /** Keeps rows {@code rows} (see {@code DecoderSession#reorder}); cross-attention too when {@code withCross}. */
    void reorder(int[] rows, boolean withCross) {
        gatherAll(self, rows);
        if (withCross) {
            gatherAll(cross, rows);
        }
    }

    private void gatherAll(Map<String, OnnxTensor> entries, int[] rows) {
        for (Map.Entry<String, OnnxTensor> entry : entries.entrySet()) {
            OnnxTensor old = entry.getValue();
            entry.setValue(RowGather.gather(tensors, old, rows));
            tensors.close(old);
        }
    }

    private void replace(Map<String, OnnxTensor> entries, String name, OnnxTensor tensor) {
        OnnxTensor old = entries.put(name, tensor);
        if (old != null) {
            tensors.close(old);
        }
    }

    @Override
    public void close() {
        self.values().forEach(tensors::close);
        cross.values().forEach(tensors::close);
        self.clear();
        cross.clear();
    }
}
