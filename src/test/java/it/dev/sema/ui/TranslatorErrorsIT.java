package it.dev.sema.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's notices against the model-less server (semaBareIT: 503 model_not_loaded, production quota of 60 per
 * minute). Each test enters its own API key in the page, so it has its own quota, apart from RateLimitIT's clients.
 */
class TranslatorErrorsIT {

    private static final Pattern COUNTDOWN = Pattern.compile("(?:Retrying|You can translate again) in (\\d+) s\\.");

    @RegisterExtension
    static final PageSession SESSION = PageSession.onBareServer();

    private final TranslatorPage page = SESSION.page();
    private final Browser browser = SESSION.browser();

    @Test
    void withoutAModelThePageSaysTranslationIsUnavailableWithTheServersStatusAndRetries() {
        browser.width(390, 900);
        page.open("?source=swh_Latn&target=eng_Latn");
        page.apiKey("ui-unavailable-" + UUID.randomUUID());
        page.type("Habari");
        page.await("the unavailable notice with the model status", () -> page.notice().contains("Server status:"));
        String notice = page.notice();
        assertTrue(notice.startsWith("Translation is unavailable: the server has no model loaded."), notice);
        assertTrue(notice.contains("translation: failed"), notice);
        int first = countdown(notice);
        assertTrue(first >= 1 && first <= 30, "Retry-After of model_not_loaded is 30 s: " + notice);
        assertEquals("", page.output());
        browser.screenshot("unavailable-390-light");

        page.recordRequests();
        page.type(" yako");
        page.text().sendKeys(Keys.CONTROL, Keys.ENTER);
        pause(Duration.ofMillis(1500)); // three debounce periods: time for a request that must not come
        assertEquals(List.of(), page.translateCalls(), "no request while the server asked to wait");
        assertTrue(countdown(page.notice()) >= 1, "still counting down: " + page.notice());
        page.assertNoConsoleErrors();
    }

    @Test
    void aRateLimitedVisitorSeesWhenToTryAgainCountingDown() {
        String key = "ui-429-" + UUID.randomUUID();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + key);
        String body = "{\"text\":\"Habari\",\"source_language\":\"swh_Latn\",\"target_language\":\"eng_Latn\"}";
        int sent = 0;
        while (SESSION.server().post("/api/v1/translate", body, headers).status() != 429) {
            assertTrue(++sent <= 60, "the bare server allows 60 requests per minute, yet " + sent + " passed");
        }
        browser.width(1280, 900);
        page.open("?source=swh_Latn&target=eng_Latn");
        page.apiKey(key);
        page.await("the usage lookup (404 on this server) to finish", () -> Boolean.FALSE.equals(page.driver()
                .executeScript("return document.getElementById('usage').hasAttribute('aria-busy')")));
        assertFalse(page.find("usage").isDisplayed(), "no usage figures where the server has no /api/v1/usage");
        page.type("Habari");
        page.await("the rate-limit notice", () -> COUNTDOWN.matcher(page.notice()).find());
        String notice = page.notice();
        assertTrue(notice.startsWith("Too many requests for now."), notice);
        int first = countdown(notice);
        assertTrue(first >= 2 && first <= 60, "Retry-After ends the client's minute window: " + notice);
        page.await("the countdown to go down from " + first, () -> countdown(page.notice()) < first);
        browser.screenshot("rate-limited-1280-light");
        page.assertNoConsoleErrors();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int countdown(String notice) {
        Matcher m = COUNTDOWN.matcher(notice);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
