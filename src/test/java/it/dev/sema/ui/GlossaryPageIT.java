package it.dev.sema.ui;

import it.dev.sema.accounts.Keys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The page's glossary picker and editor on semaAccountsIT (keys on H2, the echo model): a visitor with a key
 * writes entries for the current pair, saves them as a new glossary, which the picker then chooses, and the
 * translation carries the target term; choosing "None" gives the echo back.
 */
class GlossaryPageIT {

    @RegisterExtension
    static final PageSession SESSION = PageSession.onAccountsServer();

    private final TranslatorPage page = SESSION.page();
    private final Browser browser = SESSION.browser();

    @Test
    void entriesSavedInTheEditorBecomeTheChosenGlossaryAndTheTermComesOut() {
        Keys.Key key = Keys.create(SESSION.server(), Keys.body("ui-glossary", ""));
        browser.width(1280, 900);
        page.open("?source=eng_Latn&target=fra_Latn");
        page.apiKey(key.secret());
        page.find("glossary-editor").findElement(By.tagName("summary")).click();
        page.find("glossary-name").sendKeys("Page terms");
        page.driver().executeScript("arguments[0].value = arguments[1]", page.find("glossary-entries"),
                "harbour\tport de plaisance\n");
        page.find("glossary-save").click();
        page.await("the saved glossary", () -> page.find("glossary-status").getText()
                .equals("Saved: 1 entry, version 1."));
        assertEquals("Page terms", new Select(page.find("glossary")).getFirstSelectedOption().getText());
        JsonObject listed = SESSION.server().get("/api/v1/glossaries", key.headers()).expect(200).json()
                .getJsonArray("glossaries").getJsonObject(0);
        assertEquals(1, listed.getJsonArray("dictionaries").getJsonObject(0).getInt("entry_count"));

        page.type("Meet me at the harbour.");
        page.await("the term in the translation", () -> "fresh".equals(page.outputState())
                && page.output().contains("port de plaisance"));
        browser.screenshot("glossary-1280-light");

        page.option("glossary", "");
        page.awaitOutput("Meet me at the harbour.");
        page.assertNoConsoleErrors();
    }
}
