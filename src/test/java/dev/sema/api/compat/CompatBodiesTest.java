package dev.sema.api.compat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompatBodiesTest {

    private static JsonObject form(String body, Surface surface) {
        return CompatBodies.normalize(CompatBodies.formObject(body.getBytes(StandardCharsets.US_ASCII)),
                surface.fields());
    }

    @Test
    void repeatedFormFieldsBecomeArraysAndOneTextAListOfOne() {
        JsonObject several = form("text=Hello%2C+world&text=%C3%A9t%C3%A9&target_lang=DE", Surface.DEEPL);
        assertEquals("[\"Hello, world\",\"été\"]", several.getJsonArray("text").toString());
        assertEquals("DE", several.getString("target_lang"));
        JsonObject one = form("text=Hi&target_lang=DE&ignore_tags=x,%20y", Surface.DEEPL);
        assertEquals("[\"Hi\"]", one.getJsonArray("text").toString());
        assertEquals("[\"x\",\"y\"]", one.getJsonArray("ignore_tags").toString());
    }

    @Test
    void libreTranslateQStringIsMarkedSingleAndNumbersFromFormsAreNumbers() {
        JsonObject single = form("q=Hello&source=auto&target=sw&alternatives=2&api_key=k", Surface.LIBRETRANSLATE);
        assertEquals("[\"Hello\"]", single.getJsonArray("q").toString());
        assertTrue(single.getBoolean("q_single"));
        assertEquals(2, single.getInt("alternatives"));
        JsonObject list = CompatBodies.normalize(jakarta.json.Json.createReader(new java.io.StringReader(
                "{\"q\":[\"a\",\"b\"],\"target\":\"sw\"}")).readObject(), Surface.LIBRETRANSLATE.fields());
        assertFalse(list.containsKey("q_single"));
        assertEquals(2, list.getJsonArray("q").size());
    }

    @Test
    void indexedFormFieldsBecomeAnArrayOfObjectsInIndexOrder() {
        JsonObject glossary = form("name=G&dictionaries%5B1%5D.source_lang=de&dictionaries%5B0%5D.source_lang=en"
                + "&dictionaries%5B0%5D.entries=a%09b&dictionaries%5B1%5D.entries=c%09d", Surface.DEEPL);
        assertEquals("G", glossary.getString("name"));
        assertEquals("[{\"source_lang\":\"en\",\"entries\":\"a\\tb\"},{\"source_lang\":\"de\",\"entries\":"
                + "\"c\\td\"}]", glossary.getJsonArray("dictionaries").toString());
        assertFalse(glossary.containsKey("dictionaries[0].source_lang"));
    }

    @Test
    void surfacesAreFoundByPathOnly() {
        assertEquals(Surface.DEEPL, Surface.of("/v2/translate").orElseThrow());
        assertEquals(Surface.DEEPL, Surface.of("v2/usage").orElseThrow());
        assertEquals(Surface.LIBRETRANSLATE, Surface.of("/libretranslate/translate").orElseThrow());
        assertTrue(Surface.of("/translate").isEmpty());
        assertTrue(Surface.of("/api/v1/translate").isEmpty());
    }
}
