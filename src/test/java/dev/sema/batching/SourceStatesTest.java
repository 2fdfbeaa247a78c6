package dev.sema.batching;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.NllbModel;
import dev.sema.translation.EngineConfigs;
import dev.sema.translation.GeneratedModelSlots;
import dev.sema.translation.TestEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The encoder states a request asks the decoder to keep are its own rows' slice of the shared batch: for the same
 * ids, the same floats as an encoder pass over that segment alone, whatever else shared the batch.
 */
class SourceStatesTest {

    @RegisterExtension
    static final GeneratedModelSlots MODELS = new GeneratedModelSlots();

    private static final List<String> SEGMENTS = List.of("The cat sat on the mat.",
            "A much longer sentence, so that the shorter ones in its batch are padded to its length.", "Hi.");

    @Test
    void keptStatesAreAFreshEncoderPassOverEachSegmentsOwnIds() {
        try (ModelSlot.Lease<NllbModel> lease = MODELS.tiny.acquire()) {
            NllbModel model = lease.model();
            Map<String, long[]> ids = new HashMap<>();
            Map<String, float[][]> states = new HashMap<>();
            SegmentBatches batches = new SegmentBatches(model, TestEngines.scheduler(EngineConfigs.of(1, 16, 400, 16)),
                    new Cancellation(), (segment, encoded, vectors) -> {
                        ids.put(segment, encoded);
                        states.put(segment, vectors);
                    });
            DecodeOptions options = new DecodeOptions("eng_Latn", "fra_Latn", 1, 1,
                    EngineConfigs.of(1, 16, 400, 16).outputLength());
            List<DecodedSegment> translated = batches.translate(SEGMENTS, options);

            assertEquals(SEGMENTS.size(), states.size(), "one batch of all three, each kept");
            for (String segment : SEGMENTS) {
                long[] own = model.tokenizer().encodeSource(segment, "eng_Latn");
                assertArrayEquals(own, ids.get(segment), "the ids the engine encoded");
                float[][] fresh = model.encode(List.of(own)).tokenStates(0, 0, own.length);
                float[][] kept = states.get(segment);
                assertEquals(fresh.length, kept.length, segment);
                for (int t = 0; t < fresh.length; t++) {
                    assertArrayEquals(fresh[t], kept[t], segment + ", token " + t);
                }
            }
            assertEquals(new SegmentBatches(model, TestEngines.scheduler(EngineConfigs.of(1, 16, 400, 16)),
                    new Cancellation()).translate(SEGMENTS, options), translated, "keeping states changes nothing");
            assertEquals(0, model.liveTensors(), "no native tensor outlives its batch");
        }
    }
}
