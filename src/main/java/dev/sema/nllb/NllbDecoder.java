package dev.sema.nllb;

import ai.onnxruntime.OnnxTensor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoder of a model: either the merged graph (which switches on {@code use_cache_branch}) or the
 * unmerged pair, {@code decoder_model} for the first step and {@code decoder_with_past_model} after it.
 */
final class NllbDecoder implements AutoCloseable {

    private final DecoderGraph first;
    private final DecoderGraph cached;
    private final NllbConfig config;
    private final NativeTensors tensors;

    private NllbDecoder(DecoderGraph first, DecoderGraph cached, NllbConfig config, NativeTensors tensors) {
        this.first = first;
        this.cached = cached;
        this.config = config;
        this.tensors = tensors;
    }

    static NllbDecoder open(OrtSessions sessions, NllbModelFiles files, NllbConfig config, NativeTensors tensors) {
        if (files.merged()) {
            DecoderGraph merged = DecoderGraph.open(sessions, files.decoderMerged(), DecoderGraph.Role.MERGED, config);
            return new NllbDecoder(merged, merged, config, tensors);
        }
        DecoderGraph noPast = DecoderGraph.open(sessions, files.decoder(), DecoderGraph.Role.NO_PAST, config);
        try {
            DecoderGraph withPast = DecoderGraph.open(sessions, files.decoderWithPast(), DecoderGraph.Role.WITH_PAST, config);
            return new NllbDecoder(noPast, withPast, config, tensors);
        } catch (RuntimeException e) {
            OrtSessions.closeQuietly(noPast);
            throw e;
        }
    }

    /** The graph for a step: the no-past one until the cache holds the first step's outputs. */
    DecoderGraph graph(boolean cachedStep) {
        return cachedStep ? cached : first;
    }

    boolean merged() {
        return first == cached;
    }

    /**
     * Zero-length past tensors [rows, H, 0, D/H] for every KV input of the merged graph's first step: its
     * no-past branch ignores them, but ONNX Runtime requires every graph input to be fed.
     */
    Map<String, OnnxTensor> emptyPast(TensorScope scope, int rows) {
        Map<String, OnnxTensor> past = new HashMap<>();
        long[] shape = {rows, config.decoderHeads(), 0, config.headDim()};
        for (String side : List.of(KvNames.SELF, KvNames.CROSS)) {
            for (String name : KvNames.names(KvNames.PAST, side, config.decoderLayers())) {
                past.put(name, scope.track(tensors.empty(first.kvType(), shape)));
            }
        }
        return past;
    }

    @Override
    public void close() throws Exception {
        first.close();
        if (cached != first) {
            cached.close();
        }
    }
}
