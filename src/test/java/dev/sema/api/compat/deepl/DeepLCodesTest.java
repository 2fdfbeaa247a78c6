package dev.sema.api.compat.deepl;

import dev.sema.api.compat.ClientCodes;
import dev.sema.languages.LanguageCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepLCodesTest {

    private final DeepLCodes codes = new DeepLCodes(new ClientCodes(new LanguageCatalogue()));

    @Test
    void deepLCodesMapToNllbLanguages() {
        assertEquals("eng_Latn", codes.flores("EN"));
        assertEquals("eng_Latn", codes.flores("EN-US"));
        assertEquals("eng_Latn", codes.flores("en-gb"));
        assertEquals("por_Latn", codes.flores("PT-BR"));
        assertEquals("por_Latn", codes.flores("PT-PT"));
        assertEquals("zho_Hans", codes.flores("ZH"));
        assertEquals("zho_Hans", codes.flores("ZH-HANS"));
        assertEquals("zho_Hant", codes.flores("ZH-HANT"));
        assertEquals("deu_Latn", codes.flores("DE"));
        assertEquals("yor_Latn", codes.flores("YO"));
        assertEquals("kik_Latn", codes.flores("KI"));
        assertEquals("swh_Latn", codes.flores("swh_Latn"), "Sema's own codes work too");
        assertEquals("xx-unknown", codes.flores("xx-unknown"), "left for the service to refuse");
    }

    @Test
    void nllbLanguagesGetDeepLCodesBack() {
        assertEquals("EN", codes.source("eng_Latn"));
        assertEquals("ZH", codes.source("zho_Hans"));
        assertEquals("ZH-HANT", codes.source("zho_Hant"));
        assertEquals("YO", codes.source("yor_Latn"));
        assertEquals(codes.flores("SW"), new ClientCodes(new LanguageCatalogue()).find("sw").orElseThrow().code());
    }

    @Test
    void targetsListDeepLsVariantsAndEveryOtherLanguageOnce() {
        List<String> targets = codes.targets().stream().map(DeepLLanguage::language).toList();
        assertTrue(targets.containsAll(List.of("EN-US", "EN-GB", "PT-BR", "PT-PT", "ZH-HANS", "ZH-HANT", "DE",
                "SW", "YO", "KI")), targets.toString());
        assertTrue(!targets.contains("EN") && !targets.contains("PT"), "DeepL's clients refuse these as targets");
        assertEquals(targets.size(), targets.stream().distinct().count(), "codes are unique");
        assertEquals(new LanguageCatalogue().all().size() + 2, targets.size());
        List<String> sources = codes.sources().stream().map(DeepLLanguage::language).toList();
        assertEquals(sources.size(), sources.stream().distinct().count(), "codes are unique");
        assertTrue(sources.containsAll(List.of("EN", "PT", "ZH", "DE", "SW")));
    }
}
