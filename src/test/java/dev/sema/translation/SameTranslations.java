package dev.sema.translation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares translations decoded in different batches: texts, alternatives and terms exactly, scores to 1e-5. Padding
 * changes a row's logits in their last bits (never the tokens chosen here), and a score is a mean of log-softmaxes.
 */
public final class SameTranslations {

    private static final double SCORE_TOLERANCE = 1e-5;

    private SameTranslations() {
    }

    public static void assertSame(List<TranslationOutput> expected, List<TranslationOutput> actual) {
        assertEquals(expected.size(), actual.size(), "outputs");
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), actual.get(i), "output " + i);
        }
    }

    public static void assertSame(TranslationOutput expected, TranslationOutput actual, String what) {
        assertEquals(expected.text(), actual.text(), what);
        assertEquals(expected.alternatives(), actual.alternatives(), what);
        assertEquals(expected.terms(), actual.terms(), what);
        assertEquals(expected.scores().size(), actual.scores().size(), what + ": " + actual.scores());
        for (int j = 0; j < expected.scores().size(); j++) {
            assertEquals(expected.scores().get(j), actual.scores().get(j), SCORE_TOLERANCE, what + ", score " + j);
        }
    }
}
