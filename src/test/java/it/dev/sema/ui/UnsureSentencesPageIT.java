package it.dev.sema.ui;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page marks sentences the model was unsure of (semaGlossaryIT: the random-weight nllb-tiny, every sentence of
 * which scores far below the page's threshold), both a streamed paragraph's sentences and a single sentence's
 * answer; the marks change nothing of the text shown.
 */
class UnsureSentencesPageIT {

    @RegisterExtension
    static final PageSession SESSION = PageSession.onTinyModelServer();
    private static final int RUN = new Random().nextInt(1_000_000);

    private final TranslatorPage page = SESSION.page();

    @Test
    void everySentenceOfTheRandomModelIsMarkedWithATooltip() {
        page.open("?source=eng_Latn&target=fra_Latn");
        String paragraph = "The first line " + RUN + " is here. The second line follows it.";
        translate(paragraph);
        List<WebElement> unsure = page.find("output").findElements(By.className("unsure"));
        assertEquals(2, unsure.size(), "both sentences of the paragraph");
        for (WebElement sentence : unsure) {
            String tooltip = sentence.getDomAttribute("title");
            assertTrue(tooltip.startsWith("The model was unsure of this sentence (score -"), tooltip);
        }

        translate("One sentence alone " + RUN);
        assertEquals(1, page.find("output").findElements(By.className("unsure")).size(), "the /translate answer");
        page.assertNoConsoleErrors();
    }

    /** Types {@code text} and waits for the page to show its translation, which the API gives first (then cached). */
    private void translate(String text) {
        String expected = SESSION.server().postJson("/api/v1/translate", Json.createObjectBuilder().add("text", text)
                .add("source_language", "eng_Latn").add("target_language", "fra_Latn").build().toString())
                .expect(200).json().getString("translated_text");
        page.driver().executeScript("""
                const text = document.getElementById('source-text');
                text.value = arguments[0];
                text.dispatchEvent(new Event('input', { bubbles: true }));""", text);
        page.text().sendKeys(Keys.CONTROL, Keys.ENTER);
        page.awaitOutput(expected);
    }
}
