package it.dev.sema.ui;

import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The translator page in Chromium against the echo-model server (semaIT): every translation is the text itself, so
 * the tests check exactly which text an answer belongs to; lid.176 detects the language.
 */
class TranslatorPageIT {

    /** From FLORES-200 (swh_Latn dev): lid.176 needs a sentence of some length to be sure of Swahili. */
    static final String SWAHILI = "Watafiti wakuu wanasema hili linaweza kuleta ugunduzi wa mapema wa saratani, kifua"
            + " kikuu, ukimwi na malaria kwa wagonjwa katika nchi zenye mapato ya chini.";

    @RegisterExtension
    static final PageSession SESSION = PageSession.onMainServer();

    private final TranslatorPage page = SESSION.page();

    @AfterEach
    void consoleStaysClean() {
        page.assertNoConsoleErrors();
    }

    @Test
    void detectsSwahiliAndShowsTheTranslationWithTheDetectedLanguage() {
        page.open("");
        assertEquals("Detect language", page.picker("source"));
        assertEquals("English", page.picker("target"));
        page.type(SWAHILI);
        page.awaitOutput(SWAHILI);
        assertTrue(page.detected().matches("Detected: Swahili · \\d{1,3}%"), page.detected());
        assertEquals("ltr", page.find("output").getDomAttribute("dir"));
        String address = URLDecoder.decode(page.address(), StandardCharsets.UTF_8);
        assertTrue(address.endsWith("/?source=auto&target=eng_Latn&text=" + SWAHILI), address);
    }

    @Test
    void swapExchangesTheLanguagesAndTheTexts() {
        page.open("?source=auto&target=fra_Latn");
        page.type(SWAHILI);
        page.awaitOutput(SWAHILI);
        page.recordRequests();
        page.find("swap").click();
        assertEquals("French", page.picker("source"));
        assertEquals("Swahili", page.picker("target"), "the detected language becomes the target");
        page.awaitOutput(SWAHILI);
        assertEquals(SWAHILI, page.text().getDomProperty("value"), "the translation becomes the text");
        assertEquals(1, page.translateCalls().size(), page.translateCalls().toString());
        assertTrue(page.translateCalls().get(0).contains("\"source_language\":\"fra_Latn\""), page.translateCalls().get(0));
        assertTrue(page.translateCalls().get(0).contains("\"target_language\":\"swh_Latn\""), page.translateCalls().get(0));
        page.find("swap").click();
        assertEquals("Swahili", page.picker("source"));
        assertEquals("French", page.picker("target"));
        page.awaitOutput(SWAHILI);
    }

    @Test
    void changingTheTargetTranslatesAgainAndRightToLeftScriptsRunRightToLeft() {
        page.open("?source=swh_Latn&target=eng_Latn&text=Habari");
        page.awaitOutput("Habari");
        page.recordRequests();
        page.choose("target", "Arabic");
        assertEquals("Arabic", page.picker("target"));
        page.awaitOutput("Habari");
        assertEquals(List.of("{\"text\":\"Habari\",\"target_language\":\"arb_Arab\",\"source_language\":\"swh_Latn\","
                + "\"include_scores\":true}"), page.translateCalls(), "the page asks for scores to mark unsure sentences");
        assertEquals("rtl", page.find("output").getDomAttribute("dir"));
        assertEquals("ltr", page.text().getDomAttribute("dir"));
        SESSION.browser().screenshot("right-to-left-1280-light");

        page.choose("source", "heb");
        assertEquals("Hebrew", page.picker("source"));
        assertEquals("rtl", page.text().getDomAttribute("dir"), "the source pane follows the source's script");
        page.awaitOutput("Habari");
        assertTrue(page.address().contains("source=heb_Hebr&target=arb_Arab"), page.address());
    }

    @Test
    void alternativesAndBeamSizeFromTheOptionsMatchTheApi() {
        page.open("?source=swh_Latn&target=eng_Latn&text=Habari%20ya%20asubuhi");
        page.awaitOutput("Habari ya asubuhi");
        assertFalse(page.find("alternatives").isDisplayed());
        page.recordRequests();
        page.option("beam-size", "4");
        page.option("alternative-count", "2");
        page.await("an answer with alternatives", () -> page.find("alternatives").isDisplayed());
        String expected = "{\"text\":\"Habari ya asubuhi\",\"target_language\":\"eng_Latn\","
                + "\"source_language\":\"swh_Latn\",\"beam_size\":4,\"alternatives\":2,\"include_scores\":true}";
        List<String> calls = page.translateCalls();
        assertEquals(expected, calls.get(calls.size() - 1));
        List<String> fromApi = SESSION.server().postJson("/api/v1/translate", expected).expect(200).jsonArray("alternatives")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertFalse(fromApi.isEmpty(), "the echo model's beam search has alternatives");
        assertEquals(fromApi, page.alternatives());
        assertEquals("Habari ya asubuhi", page.output());
        SESSION.browser().screenshot("alternatives-1280-light");

        page.reopen("?source=swh_Latn&target=eng_Latn&text=Habari%20ya%20asubuhi");
        page.awaitOutput("Habari ya asubuhi");
        assertEquals(fromApi, page.alternatives(), "the options are remembered");
    }

    @Test
    void theAddressRestoresLanguagesAndTextAndTheyAreRemembered() {
        page.open("?source=sw&target=French&text=Habari%20yako");
        assertEquals("Swahili", page.picker("source"), "aliases resolve like the API's");
        assertEquals("French", page.picker("target"));
        assertEquals("Habari yako", page.text().getDomProperty("value"));
        page.awaitOutput("Habari yako");
        String shared = page.address();
        assertTrue(shared.contains("?source=swh_Latn&target=fra_Latn&text=Habari+yako"), shared);

        page.open("");
        assertEquals("English", page.picker("target"), "cleared storage: the defaults");
        page.choose("target", "kik");
        page.choose("source", "yor");
        page.reopen("");
        assertEquals("Yoruba", page.picker("source"), "last languages come back");
        assertEquals("Kikuyu", page.picker("target"));

        page.reopen(shared.substring(shared.indexOf('?')));
        assertEquals("Swahili", page.picker("source"), "a link wins over what was stored");
        page.awaitOutput("Habari yako");
    }

    @Test
    void typingFastSendsFewRequestsAndTheOutputBelongsToTheFinalText() {
        page.open("?source=swh_Latn&target=eng_Latn");
        page.recordRequests();
        String text = "Ninapenda kusoma vitabu vya historia kila jioni";
        for (String word : text.split("(?<= )")) {
            page.type(word); // one WebDriver command per word: the page's timers run between them
        }
        page.awaitOutput(text);
        List<String> sent = page.translateCalls();
        long pauses = page.pausesLongerThanTheDebounce();
        assertTrue(sent.size() >= 1 && sent.size() <= 1 + pauses, "typed " + text.length() + " characters with "
                + pauses + " pauses over 500 ms, sent " + sent.size() + " requests: " + sent);
        assertTrue(sent.get(sent.size() - 1).contains(text), sent.toString());

        page.recordRequests();
        page.type(" na asubuhi");
        assertFalse("fresh".equals(page.outputState()) && !page.output().equals(page.text().getDomProperty("value")),
                "an output for older text is never shown as current");
        page.text().sendKeys(Keys.CONTROL, Keys.ENTER);
        page.awaitOutput(text + " na asubuhi");
        sent = page.translateCalls();
        pauses = page.pausesLongerThanTheDebounce();
        assertTrue(sent.size() <= 1 + pauses, "Ctrl+Enter replaces the pending request: " + sent);
        assertTrue(sent.get(sent.size() - 1).contains(text + " na asubuhi"), sent.toString());
    }

    @Test
    void pickersSearchByNameNativeNameCodeAndAliasAndWorkByKeyboard() {
        page.open("");
        Map<String, String> firstMatch = new LinkedHashMap<>();
        firstMatch.put("Kiswahili", "swh_Latn");  // native name
        firstMatch.put("zho_Hant", "zho_Hant");   // code
        firstMatch.put("francais", "fra_Latn");   // English name, without its accent
        firstMatch.put("日本語", "jpn_Jpan");      // native name in its script
        firstMatch.put("yue", "yue_Hant");        // ISO 639-3 alias
        firstMatch.forEach((query, code) -> {
            assertEquals(code, page.search("target", query).get(0), query);
            page.closePicker("target");
        });
        assertEquals("auto", page.search("source", "detect").get(0));
        page.closePicker("source");

        WebElement button = page.find("target-picker-button");
        button.sendKeys(Keys.ARROW_DOWN);
        WebElement search = page.find("target-picker").findElement(By.className("picker-search"));
        assertEquals(search, page.driver().switchTo().activeElement(), "the search field takes the focus");
        List<WebElement> popular = page.find("target-picker-list").findElements(By.cssSelector("[role=group]"));
        assertEquals("Popular", popular.get(0).findElement(By.className("picker-group")).getDomProperty("textContent"),
                "popular languages come first");
        String first = search.getDomAttribute("aria-activedescendant");
        search.sendKeys(Keys.ARROW_DOWN);
        String second = search.getDomAttribute("aria-activedescendant");
        assertFalse(first.equals(second), "arrow down moves the active option");
        search.sendKeys(Keys.ESCAPE);
        assertEquals("English", page.picker("target"), "Escape chooses nothing");
        assertEquals(button, page.driver().switchTo().activeElement(), "the focus returns to the button");
        button.sendKeys("kin");
        page.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals("Kinyarwanda", page.picker("target"), "typing on the button searches");
    }

    @Test
    void theCounterKnowsTheServersLimitAndClearEmptiesBothPanes() {
        page.open("?source=swh_Latn&target=eng_Latn");
        page.type("Habari");
        assertEquals("6 / 5,000", page.find("counter").getText());
        page.awaitOutput("Habari");
        page.recordRequests();
        page.driver().executeScript("const t = document.getElementById('source-text');"
                + "t.value = 'a'.repeat(5001); t.dispatchEvent(new Event('input'));");
        page.await("the limit notice", () -> page.notice().contains("5,001 characters, the limit is 5,000"));
        assertEquals("5,001 / 5,000", page.find("counter").getText());
        assertEquals(List.of(), page.translateCalls(), "a text over the limit is not sent");
        assertEquals("", page.output());

        page.find("clear").click();
        assertEquals("", page.text().getDomProperty("value"));
        assertEquals("", page.notice());
        assertEquals("0 / 5,000", page.find("counter").getText());
        assertEquals(page.text(), page.driver().switchTo().activeElement());
    }

    @Test
    void copyPutsTheTranslationOnTheClipboard() {
        page.open("?source=swh_Latn&target=eng_Latn&text=Asante%20sana");
        page.awaitOutput("Asante sana");
        page.driver().executeCdpCommand("Browser.grantPermissions", Map.of("permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite"), "origin", SESSION.server().uri("/").toString()
                        .replaceAll("/$", "")));
        page.find("copy").click();
        page.await("the Copied confirmation", () -> page.find("copy").getText().equals("Copied"));
        Object clipboard = page.driver().executeAsyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertEquals("Asante sana", clipboard);
    }

    @Test
    void theThemeToggleOverridesTheSystemAndIsRemembered() {
        page.open("");
        WebElement toggle = page.find("theme-toggle");
        assertEquals("false", toggle.getDomAttribute("aria-pressed"), "headless Chromium prefers light");
        toggle.click();
        assertEquals("true", toggle.getDomAttribute("aria-pressed"));
        assertEquals("dark", page.driver().executeScript("return document.documentElement.dataset.theme"));
        String background = page.find("source-text").findElement(By.xpath("..")).getCssValue("background-color");
        page.reopen("");
        assertEquals("dark", page.driver().executeScript("return document.documentElement.dataset.theme"));
        assertEquals(background, page.find("source-text").findElement(By.xpath("..")).getCssValue("background-color"));
        page.find("theme-toggle").click();
        assertEquals("light", page.driver().executeScript("return document.documentElement.dataset.theme"));
        assertFalse(background.equals(page.find("source-text").findElement(By.xpath("..")).getCssValue(
                "background-color")), "the light pane differs from the dark one");
    }

    @Test
    void htmlModeRendersTheTranslationInASandboxedFrameAndNeverInThePage() {
        String html = "<p>Hello <b>world</b> again</p>";
        page.open("?source=eng_Latn&target=fra_Latn");
        page.option("text-format", "html");
        try {
            page.recordRequests();
            page.type(html);
            WebElement frame = page.find("output-frame");
            page.await("the rendered translation", () -> "fresh".equals(page.outputState()) && frame.isDisplayed());
            assertEquals("", frame.getDomAttribute("sandbox"), "no scripts, no access to the page");
            assertEquals(html, frame.getDomProperty("srcdoc"));
            assertTrue(page.translateCalls().get(page.translateCalls().size() - 1).contains("\"tag_handling\":\"html\""),
                    page.translateCalls().toString());
            assertTrue(page.find("app").findElements(By.tagName("b")).isEmpty(), "the markup never enters the page");
            page.find("html-view").click();
            page.await("the code view", () -> page.find("output").isDisplayed() && !frame.isDisplayed());
            assertEquals(html, page.output());
        } finally {
            page.option("text-format", "");
        }
    }
}
