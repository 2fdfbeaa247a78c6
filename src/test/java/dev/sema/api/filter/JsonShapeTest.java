package dev.sema.api.filter;

import dev.sema.api.dto.BatchTranslateRequest;
import dev.sema.api.dto.TranslateRequest;
import dev.sema.api.glossaries.GlossaryRequest;
import dev.sema.api.error.ApiException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonShapeTest {

    @Test
    void aFittingBodyIsPassedOnAsIs() {
        byte[] body = bytes("{\"text\":\"Habari\",\"target_language\":\"eng_Latn\",\"beam_size\":2,\"alternatives\":null}");
        assertSame(body, JsonShape.conform(body, TranslateRequest.class).orElseThrow());
        byte[] batch = bytes("{\"texts\":[\"a\",\"b\"],\"target_language\":\"eng_Latn\"}");
        assertSame(batch, JsonShape.conform(batch, BatchTranslateRequest.class).orElseThrow());
    }

    @Test
    void unknownFieldsAreDroppedSoTheBinderNeverSkipsAValue() {
        byte[] body = bytes("{\"x\":[[1],{\"y\":[]}],\"text\":\"Habari\",\"target_language\":\"eng_Latn\"}");
        String bound = new String(JsonShape.conform(body, TranslateRequest.class).orElseThrow(),
                StandardCharsets.UTF_8);
        assertEquals("{\"text\":\"Habari\",\"target_language\":\"eng_Latn\"}", bound);
    }

    @Test
    void wrongTypesNonObjectsAndInvalidJsonAre400() {
        String[][] cases = {{"{\"text\":[1]}", "text"}, {"{\"text\":\"a\",\"beam_size\":[2]}", "beam_size"},
                {"{\"text\":{\"a\":1}}", "text"}, {"{\"texts\":[\"a\",[1]]}", "texts"}, {"{\"texts\":\"a\"}", "texts"},
                {"{\"texts\":[null]}", "texts"}, {"[1]", null}, {"\"text\"", null}, {"{\"text\":", null}};
        for (String[] c : cases) {
            Class<?> type = c[0].contains("texts") ? BatchTranslateRequest.class : TranslateRequest.class;
            ApiException e = assertThrows(ApiException.class, () -> JsonShape.conform(bytes(c[0]), type), c[0]);
            assertEquals(400, e.status());
            assertEquals("malformed_json", e.code());
            if (c[1] != null) {
                assertEquals(c[1], e.error().errors().get(0).field(), c[0]);
            }
        }
    }

    @Test
    void nestedRecordsAreCheckedFieldByField() {
        byte[] glossary = bytes("{\"name\":\"g\",\"dictionaries\":[{\"source_language\":\"en\",\"entries\":\"a\\tb\"}]}");
        assertSame(glossary, JsonShape.conform(glossary, GlossaryRequest.class).orElseThrow());
        assertThrows(ApiException.class, () -> JsonShape.conform(bytes("{\"dictionaries\":[{\"entries\":5}]}"),
                GlossaryRequest.class));
        assertThrows(ApiException.class, () -> JsonShape.conform(bytes("{\"dictionaries\":[\"tsv\"]}"),
                GlossaryRequest.class));
    }

    @Test
    void emptyBodiesAndNonRecordTargetsAreLeftToTheBinder() {
        assertTrue(JsonShape.conform(bytes("  "), TranslateRequest.class).isEmpty());
        assertTrue(JsonShape.conform(bytes(" null "), TranslateRequest.class).isEmpty());
        assertTrue(JsonShape.conform(bytes("[1]"), String.class).isEmpty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
