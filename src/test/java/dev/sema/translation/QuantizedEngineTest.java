package dev.sema.translation;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.ModelVariant;
import dev.sema.nllb.NllbModel;
import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine end to end on the {@code _quantized} files of the tiny model (the variant Sema loads by default from
 * Xenova's repository): it translates, and mostly as the fp32 files do; 8-bit rounding may flip a near-tie of
 * the random model's logits and change the rest of that output.
 */
class QuantizedEngineTest {
    private static final List<String> TEXTS = List.of("Hello world, how are you?", "Bonjour", "生活的真谛是 simple",
            "A somewhat longer sentence with several words in it.", "Wie geht es dir heute?", "Dit is een zin.");

    @Test
    void translatesWithTheQuantizedFilesMostlyAsWithTheFp32Ones() {
        ModelSlot<NllbModel> int8 = GeneratedModelSlots.slot(TestModels.tiny(), ModelVariant.QUANTIZED);
        ModelSlot<NllbModel> fp32 = GeneratedModelSlots.slot(TestModels.tiny());
        try {
            try (ModelSlot.Lease<NllbModel> lease = int8.acquire()) {
                assertEquals("encoder_model_quantized.onnx", lease.model().files().encoder().getFileName().toString());
                assertEquals("decoder_model_merged_quantized.onnx",
                        lease.model().files().decoderMerged().getFileName().toString());
            }
            EngineConfig config = EngineConfigs.of(1, 8, 400, 16);
            int same = 0;
            for (int beams : new int[]{1, 2}) {
                TranslationOptions options = new TranslationOptions(beams, 0);
                List<TranslationOutput> quantized = TestEngines.uncached(int8, config)
                        .translate(TEXTS, "eng_Latn", "deu_Latn", options);
                List<TranslationOutput> reference = TestEngines.uncached(fp32, config)
                        .translate(TEXTS, "eng_Latn", "deu_Latn", options);
                for (int i = 0; i < TEXTS.size(); i++) {
                    assertFalse(quantized.get(i).text().isBlank(), "text " + i + " at beam " + beams);
                    same += quantized.get(i).text().equals(reference.get(i).text()) ? 1 : 0;
                }
            }
            System.out.printf("int8 engine: %d of %d translations equal to fp32%n", same, 2 * TEXTS.size());
            assertTrue(same >= TEXTS.size(), same + " of " + 2 * TEXTS.size() + " translations equal to fp32's");
        } finally {
            int8.clear("test done");
            fp32.clear("test done");
            assertEquals(0, int8.liveModels());
            assertEquals(0, fp32.liveModels());
        }
    }
}
