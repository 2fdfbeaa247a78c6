package it.dev.sema.ui;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Liberty's OpenAPI UI (Swagger UI) at {@code /openapi/ui/} as a person uses it: Authorize with a bearer token, then
 * an operation's "Try it out", a body, Execute. Elements are found by the ids and classes Swagger UI renders
 * ({@code operations-<tag>-<method>_<path>}, {@code try-out__btn}, {@code execute}, {@code live-responses-table}).
 * A wait that times out saves a screenshot under target/ui-screenshots and names it in the failure.
 */
public final class OpenApiPage {

    /** POST /api/v1/translate, which Swagger UI names after its tag and its method and path (no operationId). */
    private static final By TRANSLATE = By.id("operations-Translation-post_api_v1_translate");
    private static final AtomicInteger FAILURES = new AtomicInteger();

    private final Browser browser;
    private final ChromeDriver driver;
    private final Http server;

    public OpenApiPage(Browser browser, Http server) {
        this.browser = browser;
        this.driver = browser.driver();
        this.server = server;
    }

    /** Opens the UI with its address as given (the server's own or a balancer's) and waits for the operations. */
    public OpenApiPage open() {
        driver.get(server.uri("/openapi/ui/").toString());
        await("the operations of the OpenAPI document", ExpectedConditions.presenceOfElementLocated(TRANSLATE));
        return this;
    }

    /** Authorize → the bearer token for {@code scheme} (e.g. apiKey) → Authorize → Close, as a person does. */
    public OpenApiPage authorize(String scheme, String token) {
        driver.findElement(By.cssSelector(".auth-wrapper .btn.authorize")).click();
        // The dialog lists every bearer scheme (apiKey, adminToken) in one form, each under its name.
        By item = By.xpath("//div[contains(@class,'auth-container')]//h4[code='" + scheme + "']/..");
        await("the Authorize dialog's " + scheme, ExpectedConditions.visibilityOfElementLocated(item))
                .findElement(By.cssSelector("input[aria-label='auth-bearer-value']")).sendKeys(token);
        driver.findElement(By.cssSelector(".auth-container button.authorize")).click();
        await(scheme + " to show as authorized",
                d -> "Authorized".equals(d.findElement(item).findElement(By.tagName("h6")).getText()));
        driver.findElement(By.cssSelector(".auth-container button.btn-done")).click();
        await("the Authorize dialog to close", ExpectedConditions.invisibilityOfElementLocated(item));
        return this;
    }

    /** POST /api/v1/translate from swh_Latn to eng_Latn through the UI; returns once the UI shows the answer. */
    public Execution translate(String text) {
        WebElement operation = driver.findElement(TRANSLATE);
        if (operation.findElements(By.className("try-out__btn")).isEmpty()) {
            operation.findElement(By.className("opblock-summary-control")).click();
        }
        await("Try it out", d -> operation.findElement(By.className("try-out__btn"))).click();
        WebElement body = await("the editable request body", d -> operation.findElement(
                By.cssSelector("textarea.body-param__text")));
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys(Json.createObjectBuilder().add("text", text).add("source_language", "swh_Latn")
                .add("target_language", "eng_Latn").build().toString());
        operation.findElement(By.cssSelector("button.execute")).click();
        WebElement status = await("the server's response", d -> operation.findElement(
                By.cssSelector(".live-responses-table .response .response-col_status")));
        return new Execution(status.getText().strip(),
                operation.findElement(By.cssSelector(".request-url pre")).getText(),
                // No body when the request failed (e.g. "Failed to fetch" from a server elsewhere).
                operation.findElements(By.cssSelector(".live-responses-table .response-col_description"
                        + " .highlight-code pre")).stream().map(pre -> pre.getDomProperty("textContent"))
                        .findFirst().orElse(""));
    }

    private <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, TranslatorPage.PATIENCE).until(condition);
        } catch (TimeoutException e) {
            Path shot = browser.screenshot("openapi-ui-failure-" + FAILURES.incrementAndGet());
            throw new AssertionError("waited " + TranslatorPage.PATIENCE.toSeconds() + " s for " + what
                    + " (screenshot: " + shot + ")", e);
        }
    }

    /** What the UI shows after Execute: the status, the address it sent the request to, the response body. */
    public record Execution(String status, String requestUrl, String responseBody) {

        /** 200 from {@code origin} (the address the page was opened at), translated by the echo model: the text. */
        public void assertTranslatedBy(Http origin, String text) {
            assertEquals(origin.uri("/api/v1/translate").toString(), requestUrl, "where the UI sent the request");
            assertEquals("200", status, responseBody);
            JsonObject json = Json.createReader(new StringReader(responseBody)).readObject();
            assertEquals(text, json.getString("translated_text"), responseBody);
        }
    }
}
