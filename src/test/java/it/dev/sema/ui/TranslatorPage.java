package it.dev.sema.ui;

import it.dev.sema.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The translator page as a person uses it: languages, text, output, options, notices. */
final class TranslatorPage {

    /** Generous: a deadline against a hang, not a speed requirement (the echo model answers in milliseconds). */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Http server;

    TranslatorPage(Browser browser, Http server) {
        this.driver = browser.driver();
        this.server = server;
    }

    /** Opens {@code /} plus a query (e.g. {@code ?source=sw}) with empty storage, and waits for the language list. */
    TranslatorPage open(String query) {
        driver.get(server.uri("/").toString());
        driver.executeScript("localStorage.clear()");
        return reopen(query);
    }

    /** Opens the page again, keeping what it stored. */
    TranslatorPage reopen(String query) {
        driver.get(server.uri("/" + query).toString());
        await("the language list to load", () -> "true".equals(find("app").getDomAttribute("data-ready")));
        return this;
    }

    ChromeDriver driver() {
        return driver;
    }

    String address() {
        return driver.getCurrentUrl();
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    WebElement text() {
        return find("source-text");
    }

    void type(String keys) {
        text().sendKeys(keys);
    }

    String output() {
        return find("output").getText();
    }

    String outputState() {
        return find("output").getDomAttribute("data-state");
    }

    /** Waits until the output is an answer (not stale, not pending) equal to {@code expected}. */
    void awaitOutput(String expected) {
        await("the output to show \"" + expected + "\"",
                () -> "fresh".equals(outputState()) && expected.equals(output()));
    }

    String detected() {
        WebElement line = find("detected");
        return line.isDisplayed() ? line.getText() : "";
    }

    /** The language a picker's button shows, e.g. "Swahili" or "Detect language". */
    String picker(String role) {
        return find(role + "-picker-button").findElement(By.className("picker-value")).getText();
    }

    /** Opens a picker, types a search, and chooses the highlighted (first) match with Enter. */
    void choose(String role, String search) {
        find(role + "-picker-button").click();
        WebElement input = find(role + "-picker").findElement(By.className("picker-search"));
        input.sendKeys(search);
        input.sendKeys(Keys.ENTER);
    }

    /** Codes of the options a picker lists for a search, in order (the picker stays open). */
    List<String> search(String role, String query) {
        find(role + "-picker-button").click();
        WebElement input = find(role + "-picker").findElement(By.className("picker-search"));
        input.sendKeys(query);
        return find(role + "-picker-list").findElements(By.cssSelector("[role=option]")).stream()
                .map(o -> o.getDomAttribute("data-code")).toList();
    }

    void closePicker(String role) {
        find(role + "-picker").findElement(By.className("picker-search")).sendKeys(Keys.ESCAPE);
    }

    void openOptions() {
        WebElement options = find("options");
        if (options.getDomAttribute("open") == null) {
            options.findElement(By.tagName("summary")).click();
        }
    }

    void option(String id, String value) {
        openOptions();
        new Select(find(id)).selectByValue(value);
    }

    /** Enters an API key the way a person does: type it, leave the field. */
    void apiKey(String key) {
        openOptions();
        WebElement field = find("api-key");
        field.clear();
        field.sendKeys(key, Keys.TAB);
    }

    List<String> alternatives() {
        return find("alternatives-list").findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
    }

    String notice() {
        WebElement notice = find("notice");
        return notice.isDisplayed() ? notice.getText() : "";
    }

    /**
     * Wraps window.fetch to record every call the page makes from now on (aborted ones included), and records when
     * each key goes down, for {@link #pausesLongerThanTheDebounce()}.
     */
    void recordRequests() {
        driver.executeScript("""
                window.semaCalls = [];
                window.semaKeys = [];
                if (!window.semaRecording) {
                  window.semaRecording = true;
                  const original = window.fetch;
                  window.fetch = function (input, init) {
                    window.semaCalls.push({ url: String(input), body: init && init.body ? String(init.body) : null });
                    return original.apply(this, arguments);
                  };
                  document.addEventListener('keydown', () => window.semaKeys.push(performance.now()), true);
                }""");
    }

    /**
     * Pauses between recorded keys long enough for the page's debounce (500 ms) to fire: each may add a request
     * that is no fault of the page, so request counts are bounded by 1 + this rather than by a guess about how fast
     * the browser types on this machine. Timers never fire early, so 490 ms is a safe threshold.
     */
    long pausesLongerThanTheDebounce() {
        @SuppressWarnings("unchecked")
        List<Number> keys = (List<Number>) driver.executeScript("return window.semaKeys");
        long pauses = 0;
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i).doubleValue() - keys.get(i - 1).doubleValue() >= 490) {
                pauses++;
            }
        }
        return pauses;
    }

    /** Bodies of the /translate and /translate/stream calls recorded since {@link #recordRequests()}. */
    @SuppressWarnings("unchecked")
    List<String> translateCalls() {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) driver.executeScript("return window.semaCalls");
        return calls.stream().filter(c -> String.valueOf(c.get("url")).matches(".*api/v1/translate(/stream)?"))
                .map(c -> String.valueOf(c.get("body"))).toList();
    }

    /** Console errors so far (a CSP violation, a failed module, an uncaught exception). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // Expected answers of the API show as failed resources: 4xx/5xx are what the tests provoke.
                .filter(m -> !m.contains("the server responded with a status of"))
                .toList();
    }

    void assertNoConsoleErrors() {
        assertEquals(List.of(), consoleErrors(), "browser console errors");
    }

    void await(String what, Supplier<Boolean> condition) {
        new WebDriverWait(driver, PATIENCE).withMessage("waited " + PATIENCE.toSeconds() + " s for " + what)
                .until(d -> condition.get());
    }
}
