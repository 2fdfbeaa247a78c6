package dev.sema.testmodels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Paths of the generated test models for any test, generated on first use under the system property
 * {@code sema.test.models} (default {@code target/test-models}). Each directory has the Hugging Face layout
 * ({@code config.json}, {@code sentencepiece.bpe.model}, {@code onnx/*.onnx}).
 */
public final class TestModels {
    private TestModels() {
    }

    /** Echo model: greedy translation returns the source pieces (encoder + merged decoder). */
    public static Path echo() {
        return get(MakeTestModels.Kind.ECHO);
    }

    /** The echo model with dead CPU work in every decoder run (tens of milliseconds per generated token). */
    public static Path echoSlow() {
        return get(MakeTestModels.Kind.ECHO_SLOW);
    }

    /** Small random NLLB transformer with a merged decoder. */
    public static Path tiny() {
        return get(MakeTestModels.Kind.TINY);
    }

    /** The same weights as {@link #tiny()}, as decoder_model.onnx + decoder_with_past_model.onnx. */
    public static Path tinyUnmerged() {
        return get(MakeTestModels.Kind.TINY_UNMERGED);
    }

    /** Root folder of the generated models. */
    public static Path root() {
        return Path.of(System.getProperty("sema.test.models", "target/test-models"));
    }

    private static synchronized Path get(MakeTestModels.Kind kind) {
        try {
            return MakeTestModels.ensure(root(), kind, MakeTestModels.DEFAULT_SEED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate test model " + kind.dir + " under " + root(), e);
        }
    }
}
