package dev.sema.api.compat.deepl.glossaries;

import dev.sema.api.error.ApiException;
import dev.sema.failure.InvalidGlossaryException;
import dev.sema.failure.UnsupportedLanguageException;
import dev.sema.glossary.Dictionary;
import dev.sema.glossary.Glossary;
import dev.sema.languages.LanguageCatalogue;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeepLGlossaryTermsTest {

    private final LanguageCatalogue catalogue = new LanguageCatalogue();
    private final DeepLGlossaryTerms terms = new DeepLGlossaryTerms(catalogue);

    @Test
    void deepLCodesInCanonicalCodesStoredLowerCaseDeepLCodesOut() {
        Dictionary dictionary = terms.dictionary(new DeepLDictionaryRequest("EN-GB", "sw", "river\tmto\n", null));
        assertEquals("eng_Latn", dictionary.sourceLanguage());
        assertEquals("swh_Latn", dictionary.targetLanguage());
        Glossary glossary = new Glossary("g_1", "G", "k", 1, OffsetDateTime.parse("2026-01-02T03:04:05Z"),
                OffsetDateTime.parse("2026-01-02T03:04:05Z"), List.of(dictionary,
                new Dictionary("zho_Hant", "deu_Latn", dictionary.entries())));
        assertEquals(new DeepLGlossaryInfo("g_1", "G", true, "en", "sw", "2026-01-02T03:04:05Z", 1),
                terms.v2(glossary));
        assertEquals(List.of("en→sw", "zh-hant→de"), terms.v3(glossary).dictionaries().stream()
                .map(d -> d.sourceLang() + "→" + d.targetLang()).toList());
        assertEquals("river\tmto\n", terms.entries(dictionary).entries());
        assertEquals("zho_Hant", terms.dictionary(glossary, "ZH-HANT", "DE").sourceLanguage());
        assertEquals(404, assertThrows(ApiException.class, () -> terms.dictionary(glossary, "en", "fr")).status());
    }

    @Test
    void refusalsAreSemasOwn() {
        assertThrows(UnsupportedLanguageException.class, () -> terms.dictionary(
                new DeepLDictionaryRequest("en", "xx-QQ", "a\tb", "tsv")));
        assertThrows(InvalidGlossaryException.class, () -> terms.dictionary(
                new DeepLDictionaryRequest("en", "de", "a\tb\na\tc", "tsv")), "a duplicate source term");
        assertEquals(400, assertThrows(ApiException.class, () -> terms.dictionaries(List.of(), true)).status());
    }

    @Test
    void everyOrderedPairOfTwoLanguages() {
        int n = catalogue.all().size();
        assertEquals(n * (n - 1), terms.pairs().supportedLanguages().size());
    }
}
