package it.dev.sema.api;

import it.dev.sema.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every /languages route, under both prefixes. */
class LanguagesEndpointIT {

    private final Http http = Http.main();

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void listsAll202KeyedByCode(String prefix) {
        JsonObject body = http.get(prefix + "/languages").expect(200).json();
        assertEquals(202, body.getInt("total_count"));
        JsonObject swahili = body.getJsonObject("languages").getJsonObject("swh_Latn");
        assertEquals("Swahili", swahili.getString("name"));
        assertEquals("Kiswahili", swahili.getString("native_name"));
        assertEquals("Africa", swahili.getString("region"));
        assertEquals("Latin", swahili.getString("script"));
        assertEquals(202, body.getJsonObject("languages").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void popularAndAfrican(String prefix) {
        JsonObject popular = http.get(prefix + "/languages/popular").expect(200).json();
        assertEquals(34, popular.getInt("total_count"));
        assertTrue(popular.getJsonObject("languages").containsKey("zho_Hans"), "Sema's cmn_Hans is fixed");
        JsonObject african = http.get(prefix + "/languages/african").expect(200).json();
        african.getJsonObject("languages").values().forEach(l ->
                assertEquals("Africa", l.asJsonObject().getString("region")));
        assertEquals(african.getJsonObject("languages").size(), african.getInt("total_count"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void regionIsCaseInsensitive(String prefix) {
        JsonObject europe = http.get(prefix + "/languages/region/eUROPE").expect(200).json();
        assertTrue(europe.getJsonObject("languages").containsKey("eng_Latn"), "English is European again");
        JsonObject middleEast = http.get(prefix + "/languages/region/Middle%20East").expect(200).json();
        assertTrue(middleEast.getJsonObject("languages").containsKey("arb_Arab"));
        JsonObject error = http.get(prefix + "/languages/region/Atlantis").error(404, "unknown_region");
        assertTrue(error.getString("detail").contains("Oceania"), error.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void searchRanksAndValidates(String prefix) {
        JsonObject sw = http.get(prefix + "/languages/search?q=sw").expect(200).json();
        assertEquals("swh_Latn", sw.getJsonObject("languages").keySet().iterator().next(), sw.toString());
        JsonObject arabic = http.get(prefix + "/languages/search?q=Arab").expect(200).json();
        assertEquals("arb_Arab", arabic.getJsonObject("languages").keySet().iterator().next());
        http.get(prefix + "/languages/search?q=x").error(400, "query_too_short");
        http.get(prefix + "/languages/search").error(400, "query_too_short");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void statsCount202(String prefix) {
        JsonObject stats = http.get(prefix + "/languages/stats").expect(200).json();
        assertEquals(202, stats.getInt("total_languages"));
        assertEquals(6, stats.getInt("regions"));
        assertEquals(202, stats.getJsonObject("by_region").values().stream()
                .mapToInt(v -> Integer.parseInt(v.toString())).sum());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/api/v1"})
    void singleLanguageByCodeOrAliasAnswersCanonicalCode(String prefix) {
        for (String given : List.of("swh_Latn", "sw", "swa", "Swahili")) {
            assertEquals("swh_Latn", http.get(prefix + "/languages/" + given).expect(200).json().getString("code"),
                    given);
        }
        JsonObject unknown = http.get(prefix + "/languages/swa_Latn").error(404, "unknown_language");
        assertEquals("swh_Latn", unknown.getJsonArray("suggestions").getString(0), unknown.toString());
    }
}
