package it.dev.sema.compat;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLException;
import com.deepl.api.GlossaryEntries;
import com.deepl.api.GlossaryInfo;
import com.deepl.api.GlossaryLanguagePair;
import com.deepl.api.GlossaryNotFoundException;
import com.deepl.api.MultilingualGlossaryDictionaryEntries;
import com.deepl.api.MultilingualGlossaryDictionaryInfo;
import com.deepl.api.MultilingualGlossaryInfo;
import com.deepl.api.NotFoundException;
import com.deepl.api.TextTranslationOptions;
import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DeepL's glossaries through the official client ({@code com.deepl.api:deepl-java}) on semaAccountsIT, v2 (one pair)
 * and v3 (dictionaries): created, listed, read, used in {@code translateText}, changed and deleted, with the client's
 * {@code GlossaryNotFoundException} after. The echo model copies its input, so a target term in the output (and the
 * source term gone) is the glossary's doing.
 */
class DeepLGlossariesIT {

    private final Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));

    private DeepLClient client(String name) {
        return DeepLClients.on(server, Keys.create(server, Keys.body(name, "")).secret());
    }

    @Test
    void aV2GlossaryIsCreatedListedReadUsedAndDeleted() throws Exception {
        DeepLClient deepl = client("deepl glossary v2");
        GlossaryInfo created = deepl.createGlossary("Utilities", "en", "de",
                new GlossaryEntries(Map.of("river", "Fluss", "power station", "Kraftwerk")));
        assertEquals("en", created.getSourceLang());
        assertEquals("de", created.getTargetLang());
        assertEquals(2, created.getEntryCount());
        assertTrue(created.isReady());
        assertTrue(created.getCreationTime().getTime() > 0, "creation_time parses as a date");

        assertEquals(List.of(created.getGlossaryId()),
                deepl.listGlossaries().stream().map(GlossaryInfo::getGlossaryId).toList());
        assertEquals("Utilities", deepl.getGlossary(created.getGlossaryId()).getName());
        assertEquals(Map.of("river", "Fluss", "power station", "Kraftwerk"),
                Map.copyOf(deepl.getGlossaryEntries(created.getGlossaryId())));

        String text = "The river flows past the power station";
        String translated = deepl.translateText(text, "en", "de",
                new TextTranslationOptions().setGlossaryId(created.getGlossaryId())).getText();
        assertTrue(translated.contains("Fluss") && translated.contains("Kraftwerk"), translated);
        assertEquals(text, deepl.translateText(text, "en", "de").getText(), "without the glossary: the echo");

        deepl.deleteGlossary(created.getGlossaryId());
        assertThrows(GlossaryNotFoundException.class, () -> deepl.getGlossary(created.getGlossaryId()));
        assertThrows(GlossaryNotFoundException.class, () -> deepl.getGlossaryEntries(created.getGlossaryId()));
        assertThrows(GlossaryNotFoundException.class, () -> deepl.deleteGlossary(created.getGlossaryId()));
        assertTrue(deepl.listGlossaries().isEmpty());
    }

    @Test
    void aV3GlossaryHasDictionariesThatAreMergedReplacedAndRead() throws Exception {
        DeepLClient deepl = client("deepl glossary v3");
        MultilingualGlossaryInfo created = deepl.createMultilingualGlossary("Travel", List.of(
                new MultilingualGlossaryDictionaryEntries("en", "de", new GlossaryEntries(Map.of("river", "Fluss"))),
                new MultilingualGlossaryDictionaryEntries("en", "sw", new GlossaryEntries(Map.of("river", "mto")))));
        String id = created.getGlossaryId();
        assertEquals(List.of("en→de", "en→sw"), pairs(created.getDictionaries()));

        MultilingualGlossaryInfo merged = deepl.updateMultilingualGlossaryDictionary(id, "en", "de",
                new GlossaryEntries(Map.of("bridge", "Brücke")));
        assertEquals(2, merged.getDictionaries().get(0).getEntryCount(), "PATCH merges");
        assertEquals(Map.of("river", "Fluss", "bridge", "Brücke"),
                Map.copyOf(deepl.getMultilingualGlossaryDictionaryEntries(id, "en", "de").getEntries()));
        MultilingualGlossaryDictionaryInfo replaced = deepl.replaceMultilingualGlossaryDictionary(id, "en", "sw",
                new GlossaryEntries(Map.of("bridge", "daraja")));
        assertEquals(1, replaced.getEntryCount(), "PUT replaces");
        assertEquals(Map.of("bridge", "daraja"),
                Map.copyOf(deepl.getMultilingualGlossaryDictionaryEntries(id, "en", "sw").getEntries()));
        assertEquals("Reise", deepl.updateMultilingualGlossaryName(id, "Reise").getName());

        String text = "Meet me at the bridge by the river";
        String swahili = deepl.translateText(text, "en", "sw", new TextTranslationOptions().setGlossaryId(id))
                .getText();
        assertTrue(swahili.contains("daraja") && !swahili.contains("mto"), swahili);
        assertTrue(deepl.listMultilingualGlossaries().stream().anyMatch(g -> g.getGlossaryId().equals(id)));
        assertThrows(GlossaryNotFoundException.class,
                () -> deepl.getMultilingualGlossaryDictionaryEntries(id, "en", "fr"), "no such dictionary");

        deepl.deleteMultilingualGlossary(id);
        assertThrows(GlossaryNotFoundException.class, () -> deepl.getMultilingualGlossary(id));
    }

    @Test
    void languagePairsAndRefusals() throws Exception {
        DeepLClient deepl = client("deepl glossary pairs");
        List<GlossaryLanguagePair> pairs = deepl.getGlossaryLanguages();
        assertTrue(pairs.stream().anyMatch(p -> p.getSourceLanguage().equals("en")
                && p.getTargetLanguage().equals("sw")), "any pair of NLLB's languages");
        assertTrue(pairs.size() > 200 * 199, "all ordered pairs: " + pairs.size());

        DeepLException badEntries = assertThrows(DeepLException.class, () -> deepl.createGlossaryFromCsv("Bad",
                "en", "de", "river,Fluss\nriver,Strom\n"));
        assertTrue(badEntries.getMessage().startsWith("Bad request"), badEntries.getMessage());
        DeepLException badLanguage = assertThrows(DeepLException.class, () -> deepl.createGlossary("Bad", "en",
                "xx-QQ", new GlossaryEntries(Map.of("a", "b"))));
        assertTrue(badLanguage.getMessage().startsWith("Bad request"), badLanguage.getMessage());
        assertThrows(NotFoundException.class, () -> deepl.translateText("river", "en", "de",
                new TextTranslationOptions().setGlossaryId("g_does_not_exist")));
    }

    private static List<String> pairs(List<MultilingualGlossaryDictionaryInfo> dictionaries) {
        return dictionaries.stream().map(d -> d.getSourceLanguageCode() + "→" + d.getTargetLanguageCode()).toList();
    }
}
