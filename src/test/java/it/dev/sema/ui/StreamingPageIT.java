package it.dev.sema.ui;

import it.dev.sema.Http;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page streams a paragraph (semaGuardIT: the slow echo model, whose sentences take milliseconds each, so a
 * paragraph's sentences are decoded one group after another): its first sentence shows while the last is still
 * on its way. The page's output is recorded by a MutationObserver, so the verdict is about the order of what the
 * page showed, not about how fast anything ran.
 */
class StreamingPageIT {

    @RegisterExtension
    static final PageSession SESSION = PageSession.onGuardServer();
    private static final int RUN = new Random().nextInt(1_000_000);

    private final TranslatorPage page = SESSION.page();

    @Test
    void aParagraphShowsItsFirstSentenceBeforeTheLastIsDone() {
        List<String> sentences = IntStream.range(0, sentenceCount())
                .mapToObj(i -> String.format("Line %06d-%02d of alpha bravo charlie.", RUN, i)).toList();
        String paragraph = String.join(" ", sentences);
        page.open("?source=eng_Latn&target=fra_Latn");
        page.driver().executeScript("""
                window.semaOutputs = [];
                const output = document.getElementById('output');
                new MutationObserver(() => window.semaOutputs.push([output.dataset.state, output.textContent]))
                  .observe(output, { childList: true, characterData: true, subtree: true, attributes: true });
                const text = document.getElementById('source-text');
                text.value = arguments[0];
                text.dispatchEvent(new Event('input', { bubbles: true }));""", paragraph);
        page.text().sendKeys(Keys.CONTROL, Keys.ENTER);
        page.awaitOutput(paragraph); // the echo model gives the paragraph back

        @SuppressWarnings("unchecked")
        List<List<String>> shown = (List<List<String>>) page.driver().executeScript("return window.semaOutputs");
        int firstAlone = indexOf(shown, s -> s.get(1).startsWith(sentences.get(0))
                && !s.get(1).contains(sentences.get(sentences.size() - 1)));
        int whole = indexOf(shown, s -> s.get(1).equals(paragraph));
        assertTrue(firstAlone >= 0 && firstAlone < whole, "the first sentence showed alone before the whole"
                + " paragraph: " + shown);
        assertEquals("streaming", shown.get(firstAlone).get(0), "a partial answer is marked as one");
        List<Integer> lengths = shown.subList(firstAlone, whole + 1).stream().map(s -> s.get(1).length()).toList();
        for (int i = 1; i < lengths.size(); i++) {
            assertTrue(lengths.get(i) >= lengths.get(i - 1), "sentences only ever add: " + shown);
        }
        page.assertNoConsoleErrors();
    }

    /** Enough sentences for several decoder groups, few enough that the stream ends within the 6 s timeout. */
    private static int sentenceCount() {
        Http guard = SESSION.server();
        String body = Json.createObjectBuilder().add("text", "Timing " + RUN + " of alpha bravo charlie.")
                .add("source_language", "eng_Latn").add("target_language", "fra_Latn").build().toString();
        long start = System.nanoTime();
        guard.postJson("/api/v1/translate", body).expect(200);
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        return (int) Math.max(4, Math.min(30, 2000 / millis));
    }

    private static int indexOf(List<List<String>> shown, java.util.function.Predicate<List<String>> test) {
        for (int i = 0; i < shown.size(); i++) {
            if (test.test(shown.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
