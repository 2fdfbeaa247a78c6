package it.dev.sema.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's notice against the model-less server (semaBareIT: 503 model_not_loaded). */
class TranslatorErrorsIT {

    static final Pattern COUNTDOWN = Pattern.compile("(?:Retrying|You can translate again) in (\\d+) s\\.");

    @RegisterExtension
    static final PageSession SESSION = PageSession.onBareServer();

    private final TranslatorPage page = SESSION.page();
    private final Browser browser = SESSION.browser();

    @Test
    void withoutAModelThePageSaysTranslationIsUnavailableWithTheServersStatusAndRetries() {
        browser.width(390, 900);
        page.open("?source=swh_Latn&target=eng_Latn");
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int countdown(String notice) {
        Matcher m = COUNTDOWN.matcher(notice);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
