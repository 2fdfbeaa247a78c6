package dev.sema.detection;

import dev.sema.languages.NllbLanguages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sema.fasttext.FastTextModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelMappingTest {

    private final LabelMapping mapping = new LabelMapping();

    private Optional<String> map(String label, String text) {
        return mapping.toFlores(label, TextScripts.of(text));
    }

    @Test
    void floresLabelsPassThroughOnlyWhenNllbHasThem() {
        assertEquals(Optional.of("swh_Latn"), map("swh_Latn", "habari"));
        assertEquals(Optional.of("zho_Hant"), map("zho_Hant", "这个"), "a FLORES label is trusted over the script");
        assertEquals(Optional.empty(), map("gom_Deva", "x"), "lid218e label outside NLLB-200");
        assertEquals(Optional.empty(), map("sat_Olck", "x"), "FLORES has Ol Chiki Santali, NLLB only sat_Beng");
    }

    @Test
    void chineseScriptDecidesHansOrHant() {
        assertEquals(Optional.of("zho_Hans"), map("zh", "这是一个测试句子，我们说中文。"));
        assertEquals(Optional.of("zho_Hant"), map("zh", "這是一個測試句子，我們說中文。"));
        assertEquals(Optional.of("zho_Hans"), map("zh", "中文"), "no distinguishing character: simplified");
        assertEquals(Optional.of("yue_Hant"), map("yue", "佢哋喺度"));
    }

    @Test
    void traditionalChineseHeuristicOnFloresDev() throws Exception {
        Map<String, List<String>> flores = SharedData.floresDev();
        long hant = flores.get("zho_Hant").stream().filter(s -> TextScripts.of(s).traditionalChinese()).count();
        long hans = flores.get("zho_Hans").stream().filter(s -> !TextScripts.of(s).traditionalChinese()).count();
        assertTrue(hant >= 990 && hans >= 990, "Hant " + hant + "/997, Hans " + hans + "/997");
    }

    @Test
    void scriptDependentLabels() {
        assertEquals(Optional.of("kmr_Latn"), map("ku", "Ez ji Kurdistanê me"));
        assertEquals(Optional.of("ckb_Arab"), map("ku", "من لە کوردستانم"));
        assertEquals(Optional.of("azj_Latn"), map("az", "Mən Azərbaycandanam"));
        assertEquals(Optional.of("azb_Arab"), map("az", "من آذربایجانلıیام"));
        assertEquals(Optional.of("azb_Arab"), map("azb", "x"));
        assertEquals(Optional.of("srp_Cyrl"), map("sr", "Ја сам из Србије"));
        assertEquals(Optional.of("hrv_Latn"), map("sr", "Ja sam iz Srbije"), "NLLB has no Latin Serbian");
        assertEquals(Optional.of("srp_Cyrl"), map("sh", "Ја сам из Србије"));
        assertEquals(Optional.of("hrv_Latn"), map("sh", "Ja sam iz Zagreba"));
        assertEquals(Optional.of("hrv_Latn"), map("hr", "Ja sam iz Zagreba"));
    }

    @Test
    void alemannicIsNotToskAlbanian() {
        assertEquals(Optional.empty(), map("als", "Grüezi mitenand"), "lid.176 als is Alemannic");
        assertEquals(Optional.of("als_Latn"), map("sq", "Përshëndetje"), "Albanian is lid.176 sq");
    }

    @Test
    void lid176LabelsWithoutAnNllbLanguageMapToNothing() throws Exception {
        List<String> labels = FastTextModel.load(SharedData.lid176()).labels();
        List<String> unmapped = labels.stream().filter(l -> map(l, "latin").isEmpty()).toList();
        assertEquals(176 - 117, unmapped.size(), unmapped.toString());
        assertTrue(unmapped.containsAll(List.of("la", "als", "wuu", "sco", "pnb", "eml", "tyv")), unmapped.toString());
        labels.forEach(l -> map(l, "latin").ifPresent(c -> assertTrue(NllbLanguages.contains(c), c)));
    }

    @Test
    void nllbCodesInTokenizerOrder() {
        List<String> codes = NllbLanguages.codes();
        assertEquals(202, codes.size());
        assertEquals("ace_Arab", codes.get(0));
        assertEquals("pes_Arab", codes.get(codes.indexOf("fao_Latn") + 1));
        assertEquals("zul_Latn", codes.get(201));
    }
}
