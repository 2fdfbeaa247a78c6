package it.dev.sema.ui;

import it.dev.sema.Http;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * One browser for a test class, on the translator page of one server: started before the class's tests (after the
 * server's models are ready, where it has any), quit after them. Without Chromium each test is skipped with the
 * reason (failed under {@code CI=true}). Register it as a static field with {@code @RegisterExtension}.
 */
final class PageSession implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final Http server;
    private final boolean awaitModels;
    private Browser browser;
    private TranslatorPage page;

    private PageSession(Http server, boolean awaitModels) {
        this.server = server;
        this.awaitModels = awaitModels;
    }

    /** The echo-model server (semaIT), once its models are loaded. */
    static PageSession onMainServer() {
        return new PageSession(Http.main(), true);
    }

    /** The echo-model server with API keys on an H2 database (semaAccountsIT), once its models are loaded. */
    static PageSession onAccountsServer() {
        return new PageSession(Http.on("http.port.accounts"), true);
    }

    /** The slow echo model with one inference slot (semaGuardIT), once its models are loaded. */
    static PageSession onGuardServer() {
        return new PageSession(Http.guard(), true);
    }

    /** The random-weight nllb-tiny (semaGlossaryIT), whose translations all score low, once its models are loaded. */
    static PageSession onTinyModelServer() {
        return new PageSession(Http.on("http.port.glossary"), true);
    }

    /** The server that never has models (semaBareIT). */
    static PageSession onBareServer() {
        return new PageSession(Http.bare(), false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Browser.installed()) {
            return; // each test then skips (or fails under CI=true) with the reason, in beforeEach
        }
        if (awaitModels) {
            server.awaitReady(Duration.ofSeconds(120));
        }
        browser = Browser.start();
        page = new TranslatorPage(browser, server);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browser.requireChromium();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }

    Http server() {
        return server;
    }

    Browser browser() {
        return browser;
    }

    TranslatorPage page() {
        return page;
    }
}
