package dev.sema.testmodels;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.sema.nllb.ModelVariant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The NLLB-600M-shaped benchmark model (fp32 with external data, and quantized) loads and decodes with the real
 * contract. It is 3.5 GB + 0.9 GB, so it is only generated on request:
 * {@code scripts/make-test-models target/test-models --nllb-600m}.
 */
class Nllb600mSmokeTest {

    @ParameterizedTest
    @EnumSource(value = ModelVariant.class, names = {"FP32", "QUANTIZED"})
    void loadsAndDecodesWithTheRealContract(ModelVariant variant) throws OrtException {
        Path dir = TestModels.root().resolve(MakeTestModels.Kind.NLLB_600M.dir);
        assumeTrue(Files.exists(dir.resolve(MakeTestModels.MARKER)), "SKIPPED LOUDLY: no " + dir
                + " (3.5 GB, made only on request: scripts/make-test-models " + TestModels.root() + " --nllb-600m)");
        NllbDims dims = NllbDims.nllb600m();
        assertEquals(256206, dims.vocabSize());
        assertEquals(256203, dims.maskId());
        assertEquals(256047, dims.languageId(ModelFiles.languages().indexOf("eng_Latn")));
        TensorContract contract = new TensorContract(1024, 16, 64, 256206);
        long[][] ids = {{256047, 13374, 2442, 1259, 34512, 248130, 2}};
        long[][] mask = {{1, 1, 1, 1, 1, 1, 1}};
        try (OrtSession encoder = Models.open(dir, NllbExport.ENCODER, variant);
             OrtSession decoder = Models.open(dir, NllbExport.DECODER_MERGED, variant)) {
            contract.assertMatches(encoder, NllbExport.ENCODER, 12);
            contract.assertMatches(decoder, NllbExport.DECODER_MERGED, 12);
            try (OrtSession.Result encoded = Models.encode(encoder, ids, mask);
                 OnnxTensor maskTensor = OnnxTensor.createTensor(Models.ENV, mask);
                 KvDecoder dec = KvDecoder.merged(Models.ENV, decoder, Models.hidden(encoded), maskTensor)) {
                long next = 2;
                for (int step = 0; step < 3; step++) {
                    float[] logits = dec.step(new long[][]{{next}})[0][0];
                    assertEquals(256206, logits.length);
                    for (float v : logits) {
                        assertTrue(Float.isFinite(v), "finite logits");
                    }
                    next = step == 0 ? dims.languageId(ModelFiles.languages().indexOf("fra_Latn")) : Models.argmax(logits);
                }
                assertEquals(3, dec.present("present.11.decoder.key").getInfo().getShape()[2]);
                assertEquals(7, dec.present("present.11.encoder.key").getInfo().getShape()[2]);
            }
        }
    }
}
