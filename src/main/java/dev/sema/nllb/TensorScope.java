package dev.sema.nllb;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tensors of one decoder step: its inputs and every output of its {@code Result}. All of them close with
 * the scope unless handed on with {@link #keep} (the new KV cache). Closing outputs one by one instead of via
 * {@code Result.close()} lets the cache keep some of a result's tensors and drop the rest at once; a
 * {@code Result} has no native handle of its own.
 */
final class TensorScope implements AutoCloseable {

    private final NativeTensors tensors;
    private final Set<OnnxTensor> owned = Collections.newSetFromMap(new IdentityHashMap<>());

    TensorScope(NativeTensors tensors) {
        this.tensors = tensors;
    }

    /** Registers a tensor created for this step. */
    OnnxTensor track(OnnxTensor tensor) {
        owned.add(tensor);
        return tensor;
    }

    /** Takes ownership of every value of {@code result}; returns them by output name. */
    Map<String, OnnxTensor> adopt(OrtSession.Result result) {
        Map<String, OnnxTensor> byName = new HashMap<>();
        List<OnnxValue> notTensors = new ArrayList<>();
        for (Map.Entry<String, OnnxValue> output : result) {
            if (output.getValue() instanceof OnnxTensor tensor) {
                byName.put(output.getKey(), track(tensors.adopt(tensor)));
            } else {
                notTensors.add(output.getValue());
            }
        }
        notTensors.forEach(OnnxValue::close);
        return byName;
    }

    /** Hands {@code tensor} to a longer-lived owner, which must close it through {@link NativeTensors#close}. */
    OnnxTensor keep(OnnxTensor tensor) {
        if (!owned.remove(tensor)) {
            throw new IllegalStateException("Tensor is not owned by this scope");
        }
        return tensor;
    }

    @Override
    public void close() {
        owned.forEach(tensors::close);
        owned.clear();
    }
}
