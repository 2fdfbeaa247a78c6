package it.dev.sema.ui;

import it.dev.sema.accounts.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static it.dev.sema.ui.TranslatorErrorsIT.COUNTDOWN;
import static it.dev.sema.ui.TranslatorErrorsIT.countdown;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A visitor with an API key (semaAccountsIT: keys on an H2 database): the page shows the key's usage from
 * {@code /api/v1/usage}, and once the key's own request limit is spent, when to try again, counting down. A key of
 * its own gives the test a limit no other test shares.
 */
class KeyedVisitorIT {

    @RegisterExtension
    static final PageSession SESSION = PageSession.onAccountsServer();

    private final TranslatorPage page = SESSION.page();
    private final Browser browser = SESSION.browser();

    @Test
    void aKeyShowsItsUsageAndARateLimitedKeySeesWhenToTryAgainCountingDown() {
        Keys.Key key = Keys.create(SESSION.server(),
                Keys.body("ui-rate-limited", "\"requests_per_minute\":2,\"characters_per_day\":1000"));
        String body = "{\"text\":\"Habari\",\"source_language\":\"swh_Latn\",\"target_language\":\"eng_Latn\"}";
        int sent = 0;
        while (SESSION.server().post("/api/v1/translate", body, key.headers()).status() != 429) {
            assertTrue(++sent <= 2, "the key allows 2 requests per minute, yet " + sent + " passed");
        }
        browser.width(1280, 900);
        page.open("?source=swh_Latn&target=eng_Latn");
        page.apiKey(key.secret());
        page.await("the key's usage figures", () -> page.find("usage").isDisplayed());
        String usage = page.find("usage").getText();
        assertTrue(usage.contains("Day: " + 6 * sent + " of 1,000 characters"), usage);
        assertTrue(usage.contains("Month: " + 6 * sent + " characters"), usage);

        page.type("Habari");
        page.await("the rate-limit notice", () -> COUNTDOWN.matcher(page.notice()).find());
        String notice = page.notice();
        assertTrue(notice.startsWith("Too many requests for now."), notice);
        int first = countdown(notice);
        assertTrue(first >= 2 && first <= 60, "Retry-After ends the key's minute window: " + notice);
        page.await("the countdown to go down from " + first, () -> countdown(page.notice()) < first);
        browser.screenshot("rate-limited-1280-light");
        page.assertNoConsoleErrors();
    }
}
