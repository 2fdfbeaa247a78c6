package it.dev.sema.compat;

import com.deepl.api.AuthorizationException;
import com.deepl.api.DeepLException;
import com.deepl.api.Language;
import com.deepl.api.QuotaExceededException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.Translator;
import com.deepl.api.TranslatorOptions;
import com.deepl.api.Usage;
import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official DeepL Java client ({@code com.deepl.api:deepl-java}) with its {@code serverUrl} on semaAccountsIT
 * (echo model: a translation is its source text, so every answer can be checked exactly): translation of one text,
 * several and HTML, usage, both language lists, and a wrong key and an exhausted quota surfacing as the client's own
 * exception types. Each test uses its own key, so quotas and usage are its own.
 */
class DeepLClientIT {

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    private Translator client(String key) {
        // No retries: a refusal must surface at once, and the test must not wait out the client's back-off.
        return new Translator(key, new TranslatorOptions().setServerUrl(server.uri("").toString())
                .setMaxRetries(0).setTimeout(Duration.ofSeconds(60)));
    }

    private Keys.Key key(String name, String limits) {
        return Keys.create(server, Keys.body(name, limits));
    }

    @Test
    void translatesOneTextSeveralAndHtml() throws Exception {
        Keys.Key key = key("deepl client", "");
        Translator deepl = client(key.secret());
        TextResult one = deepl.translateText("Good morning, my friend", "en", "de");
        assertEquals("Good morning, my friend", one.getText());
        assertEquals("EN", one.getDetectedSourceLanguage().toUpperCase(Locale.ROOT));
        assertEquals("Good morning, my friend".length(), one.getBilledCharacters());

        List<TextResult> several = deepl.translateText(List.of("First text here", "Second one, a bit longer"),
                "en", "pt-BR");
        assertEquals(List.of("First text here", "Second one, a bit longer"),
                several.stream().map(TextResult::getText).toList());

        String html = "<p>Hello <b>big</b> world</p>";
        TextResult tagged = deepl.translateText(html, "en", "en-US",
                new TextTranslationOptions().setTagHandling("html").setPreserveFormatting(true).setFormality(
                        com.deepl.api.Formality.PreferMore));
        assertEquals(html, tagged.getText());
        assertEquals("Hello big world".length(), tagged.getBilledCharacters(), "tags are not billed");

        TextResult detected = deepl.translateText("Bonjour tout le monde, comment allez-vous aujourd'hui ?", null,
                "en-GB");
        assertEquals("FR", detected.getDetectedSourceLanguage().toUpperCase(Locale.ROOT));

        long billed = "Good morning, my friend".length() + "First text here".length()
                + "Second one, a bit longer".length() + "Hello big world".length()
                + "Bonjour tout le monde, comment allez-vous aujourd'hui ?".length();
        Usage usage = deepl.getUsage();
        assertEquals(billed, usage.getCharacter().getCount(), "usage counts what was billed");
        assertEquals(billed, Keys.charactersToday(server, key.id()), "the same usage as Sema's own routes");
    }

    @Test
    void usageReportsTheKeysQuota() throws Exception {
        Keys.Key key = key("deepl usage", "\"characters_per_month\": 5000");
        Translator deepl = client(key.secret());
        assertEquals(0, deepl.getUsage().getCharacter().getCount());
        assertEquals(5000, deepl.getUsage().getCharacter().getLimit());
        deepl.translateText("Twelve chars", "en", "de");
        assertEquals(12, deepl.getUsage().getCharacter().getCount());
    }

    @Test
    void languageListsNameEveryNllbLanguageInDeepLCodes() throws Exception {
        Translator deepl = client(key("deepl languages", "").secret());
        List<String> sources = codes(deepl.getSourceLanguages());
        List<String> targets = codes(deepl.getTargetLanguages());
        assertTrue(sources.containsAll(List.of("EN", "DE", "ZH", "SW", "YO", "KI")), sources.toString());
        assertTrue(targets.containsAll(List.of("EN-US", "EN-GB", "PT-BR", "PT-PT", "ZH-HANS", "ZH-HANT", "SW", "YO",
                "KI")), targets.toString());
        assertEquals(targets.size(), sources.size() + 2, "English and Portuguese have two targets each");
        assertTrue(sources.size() > 200, "all of NLLB-200, not DeepL's thirty: " + sources.size());
        // a code from the list works as a target
        assertEquals("Habari", deepl.translateText("Habari", "sw", "yo").getText());
    }

    @Test
    void aWrongKeyIsTheClientsAuthorizationException() {
        Translator deepl = client("not-a-sema-key-" + System.nanoTime());
        assertThrows(AuthorizationException.class, () -> deepl.translateText("Hello", "en", "de"));
        assertThrows(AuthorizationException.class, deepl::getUsage);
    }

    @Test
    void anExhaustedQuotaIsTheClientsQuotaExceededException() throws Exception {
        Keys.Key key = key("deepl quota", "\"characters_per_day\": 20");
        Translator deepl = client(key.secret());
        deepl.translateText("Fifteen chars!!", "en", "de");
        assertThrows(QuotaExceededException.class, () -> deepl.translateText("Fifteen more!!!", "en", "de"));
        assertEquals(15, Keys.charactersToday(server, key.id()), "the refused request is not counted");
    }

    @Test
    void badRequestsAreDeepLErrorsNotCrashes() {
        Translator deepl = client(key("deepl bad", "").secret());
        DeepLException unknown = assertThrows(DeepLException.class,
                () -> deepl.translateText("Hello", "en", "xx-QQ"));
        assertTrue(unknown.getMessage().contains("400") || unknown.getMessage().toLowerCase(Locale.ROOT)
                .contains("bad request"), unknown.getMessage());
        // the raw shape: {"message": ...} with DeepL's status
        Http.Reply reply = server.post("/v2/translate", "{\"text\":[\"Hi\"]}", Map.of("Content-Type",
                "application/json"));
        assertEquals(400, reply.status());
        assertTrue(reply.json().containsKey("message"), reply.body());
    }

    private static List<String> codes(List<Language> languages) {
        return languages.stream().map(l -> l.getCode().toUpperCase(Locale.ROOT)).toList();
    }
}
