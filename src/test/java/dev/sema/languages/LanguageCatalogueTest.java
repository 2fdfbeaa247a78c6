package dev.sema.languages;

import dev.sema.api.error.ApiException;
import dev.sema.api.error.FailureMapper;
import dev.sema.failure.UnknownRegionException;
import dev.sema.failure.UnsupportedLanguageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LanguageCatalogueTest {

    private final LanguageCatalogue catalogue = new LanguageCatalogue();

    @Test
    void hasExactly202DistinctCodes() {
        List<String> codes = catalogue.all().stream().map(Language::code).toList();
        assertEquals(202, codes.size());
        assertEquals(202, Set.copyOf(codes).size(), "duplicate codes");
    }

    @Test
    void codesAreTheNllbTokensInIdOrder() throws Exception {
        Path research = Path.of(System.getProperty("sema.shared.dir", "../shared"), "research", "nllb-onnx.md");
        assumeTrue(Files.exists(research), "SKIPPED: " + research + " is missing, cannot compare with the NLLB-200"
                + " token list (set -Dsema.shared.dir to the shared folder)");
        String section = Files.readString(research).split("## 4\\.")[1].split("```")[1];
        List<String> expected = section.strip().lines().map(String::strip).toList();
        assertEquals(expected, catalogue.all().stream().map(Language::code).toList());
        assertEquals(expected, NllbLanguages.codes(), "the code list behind tokenizer and detector");
    }

    @Test
    void catalogueDescribesExactlyTheCodesTheTokenizerAndDetectorUse() {
        assertEquals(NllbLanguages.codes(), catalogue.all().stream().map(Language::code).toList());
    }

    @Test
    void everyEntryIsComplete() {
        for (Language l : catalogue.all()) {
            assertTrue(l.code().matches("[a-z]{3}_[A-Z][a-z]{3}"), l.code());
            assertFalse(l.name().isBlank(), l.code());
            assertFalse(l.nativeName().isBlank(), l.code());
            assertFalse(l.script().isBlank(), l.code());
            assertTrue(LanguageCatalogue.REGIONS.contains(l.region()), l.code() + " region " + l.region());
            assertEquals("Africa".equals(l.region()), l.african(), l.code() + " african flag");
        }
    }

    @Test
    void noAliasBelongsToTwoLanguages() {
        Set<String> seen = new HashSet<>();
        catalogue.all().forEach(l -> l.aliases().forEach(a ->
                assertTrue(seen.add(a.toLowerCase()), "alias " + a + " listed twice")));
    }

    @Test
    void fixesSemasTableBugs() {
        for (String invalid : List.of("cmn_Hans", "cmn_Hant", "ara_Arab", "orm_Latn", "lav_Latn", "ori_Orya",
                "msa_Latn", "fas_Arab")) {
            assertTrue(catalogue.all().stream().noneMatch(l -> l.code().equals(invalid)), invalid);
        }
        for (String code : List.of("eng_Latn", "fra_Latn", "spa_Latn", "por_Latn")) {
            assertEquals("Europe", catalogue.find(code).orElseThrow().region(), code);
        }
        assertEquals("Asia", catalogue.find("lus_Latn").orElseThrow().region());
        assertEquals(34, catalogue.popular().size());
        assertEquals("zho_Hans", catalogue.find("cmn_Hans").map(Language::code).orElse("none"),
                "Sema's old code resolves to the NLLB one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"swh_Latn", "SWH_LATN", "swh-Latn", "sw", "swh", "swa", "Swahili", "swahili", "Kiswahili"})
    void resolvesAliasesToCanonicalCode(String given) {
        assertEquals("swh_Latn", catalogue.find(given).orElseThrow().code());
    }

    @Test
    void resolvesMacrolanguagesAndScripts() {
        Map.of("ar", "arb_Arab", "fa", "pes_Arab", "zh", "zho_Hans", "zh-TW", "zho_Hant", "en", "eng_Latn",
                        "ms", "zsm_Latn", "om", "gaz_Latn", "no", "nob_Latn", "ace", "ace_Latn", "apc", "apc_Arab")
                .forEach((alias, code) -> assertEquals(code, catalogue.find(alias).orElseThrow().code(), alias));
        assertTrue(catalogue.find("xx_Yyyy").isEmpty());
        assertTrue(catalogue.find(" ").isEmpty());
    }

    @Test
    void unknownLanguageSuggestsNearMisses() {
        ApiException e = FailureMapper.toApi(assertThrows(UnsupportedLanguageException.class,
                () -> catalogue.require("target_language", "swa_Latn")));
        assertEquals(400, e.status());
        assertEquals("unsupported_language", e.code());
        List<?> suggestions = e.error().suggestions();
        assertEquals("swh_Latn", suggestions.get(0));
        assertTrue(suggestions.size() <= 3);
        assertEquals("target_language", e.error().errors().get(0).field());
    }

    @Test
    void searchRanksCodeThenAliasThenPrefixThenSubstring() {
        List<String> eng = catalogue.search("eng").stream().map(Language::code).toList();
        assertEquals("eng_Latn", eng.get(0));
        assertTrue(eng.contains("ben_Beng"), "substring match on Bengali");
        List<String> sw = catalogue.search("sw").stream().map(Language::code).toList();
        assertEquals("swh_Latn", sw.get(0), "alias 'sw' outranks substring matches");
        List<String> arab = catalogue.search("arab").stream().map(Language::code).toList();
        assertEquals("arb_Arab", arab.get(0), "name prefix (Arabic) before substring (Egyptian Arabic)");
        assertTrue(arab.contains("arz_Arab"));
    }

    @Test
    void regionsAreCaseInsensitiveAndUnknownIs404() {
        assertEquals(catalogue.region("Middle East"), catalogue.region("middle east"));
        assertEquals(catalogue.african(), catalogue.region("AFRICA"));
        assertEquals(404, FailureMapper.toApi(assertThrows(UnknownRegionException.class,
                () -> catalogue.region("Atlantis"))).status());
    }

    @Test
    void statsCountEverything() {
        LanguageStats stats = catalogue.stats();
        assertEquals(202, stats.totalLanguages());
        assertEquals(6, stats.regions());
        assertEquals(202, stats.byRegion().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(catalogue.african().size(), stats.byRegion().get("Africa"));
        assertEquals(34, stats.popular());
    }
}
