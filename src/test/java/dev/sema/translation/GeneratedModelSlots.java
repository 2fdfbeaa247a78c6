package dev.sema.translation;

import dev.sema.models.ModelSlot;
import dev.sema.nllb.ModelVariant;
import dev.sema.nllb.NllbModel;
import dev.sema.nllb.OrtSettings;
import dev.sema.testmodels.TestModels;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The generated echo and tiny models, each serving from its own slot, for the engine tests (here and in
 * {@code batching}). A test class registers one as a static {@code @RegisterExtension} field, which closes it
 * after the class's tests. One ONNX Runtime thread per session keeps results independent of the machine's core
 * count.
 */
public final class GeneratedModelSlots implements AutoCloseable, AfterAllCallback {

    public final ModelSlot<NllbModel> echo = slot(TestModels.echo());
    public final ModelSlot<NllbModel> tiny = slot(TestModels.tiny());

    static ModelSlot<NllbModel> slot(Path dir) {
        return slot(dir, ModelVariant.FP32);
    }

    static ModelSlot<NllbModel> slot(Path dir, ModelVariant variant) {
        ModelSlot<NllbModel> slot = new ModelSlot<>("translation");
        slot.install(NllbModel.load(dir, variant, new OrtSettings(1, OrtSettings.DEFAULT.optLevel(), true)),
                Map.of(), Duration.ZERO);
        return slot;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Takes both models out of service and checks that nothing a test leased is still open. */
    @Override
    public void close() {
        echo.clear("test done");
        tiny.clear("test done");
        assertEquals(0, echo.liveModels());
        assertEquals(0, tiny.liveModels());
    }
}
