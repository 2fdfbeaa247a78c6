package it.dev.sema.compat;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLClientOptions;
import it.dev.sema.Http;

import java.time.Duration;

/** The official DeepL client pointed at an IT server, as its users point it at any server ({@code serverUrl}). */
final class DeepLClients {

    private DeepLClients() {
    }

    static DeepLClient on(Http server, String key) {
        // No retries: a refusal must surface at once, and the test must not wait out the client's back-off.
        DeepLClientOptions options = new DeepLClientOptions();
        options.setServerUrl(server.uri("").toString()).setMaxRetries(0).setTimeout(Duration.ofSeconds(60));
        return new DeepLClient(key, options);
    }
}
