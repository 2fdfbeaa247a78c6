package it.dev.sema.ui;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * "Try it out" in the OpenAPI UI reaches the server that served the page: semaIT and semaAccountsIT listen on ports
 * the build picked, never the 8000 of `mvn liberty:run` that the document once named as its only server.
 */
class OpenApiUiIT {

    @Test
    void tryItOutTranslatesOnTheServerThatServedThePage() {
        Http server = Http.main();
        try (Browser browser = started(server)) {
            new OpenApiPage(browser, server).open().translate("Habari ya asubuhi")
                    .assertTranslatedBy(server, "Habari ya asubuhi");
        }
    }

    /** The key entered under Authorize goes with the request: the server charges the key's quota for the text. */
    @Test
    void aKeyEnteredUnderAuthorizeIsSentWithTryItOut() {
        Http server = Http.on("http.port.accounts");
        try (Browser browser = started(server)) {
            Keys.Key key = Keys.create(server, Keys.body("openapi-ui", ""));
            OpenApiPage.Execution execution = new OpenApiPage(browser, server).open().authorize("apiKey", key.secret())
                    .translate("Asante sana");
            execution.assertTranslatedBy(server, "Asante sana");
            assertEquals("Asante sana".length(), Keys.charactersToday(server, key.id()),
                    "characters charged to the key");
        }
    }

    private static Browser started(Http server) {
        Browser.requireChromium();
        assertNotEquals(8000, server.uri("/").getPort(), "8000 is where the document's old absolute server pointed");
        server.awaitReady(Duration.ofSeconds(120));
        return Browser.start();
    }
}
