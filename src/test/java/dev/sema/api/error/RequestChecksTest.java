package dev.sema.api.error;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestChecksTest {

    @Test
    void stripsAndCountsCodePoints() {
        assertEquals("hi", RequestChecks.requireText("text", "  hi \n", 2));
        String emoji = "😀".repeat(5);
        assertEquals(emoji, RequestChecks.requireText("text", emoji, 5), "5 code points fit although 10 chars");
        ApiException tooLong = assertThrows(ApiException.class, () -> RequestChecks.requireText("text", emoji, 4));
        assertEquals(413, tooLong.status());
        assertEquals(5, tooLong.error().characterCount());
    }

    @Test
    void rejectsMissingAndBlankText() {
        assertEquals("missing_field", assertThrows(ApiException.class,
                () -> RequestChecks.requireText("text", null, 10)).code());
        ApiException blank = assertThrows(ApiException.class, () -> RequestChecks.requireText("texts[2]", " \t", 10));
        assertEquals(400, blank.status());
        assertEquals("empty_text", blank.code());
        assertEquals("texts[2]", blank.error().errors().get(0).field());
    }

    @Test
    void checksRanges() {
        assertEquals(0, RequestChecks.optionalRange("beam_size", null, 1, 8, 0));
        assertEquals(8, RequestChecks.optionalRange("beam_size", 8, 1, 8, 0));
        assertEquals("invalid_value", assertThrows(ApiException.class,
                () -> RequestChecks.optionalRange("beam_size", 9, 1, 8, 0)).code());
    }


    @Test
    void recognisesUnreadableBodiesAndNamesTheField() {
        ProcessingException wrapped = new ProcessingException(new JsonbException(
                "Unable to deserialize property 'beam_size' because of: wrong type"));
        ApiException e = ErrorResponses.malformedBody(wrapped).orElseThrow();
        assertEquals("malformed_json", e.code());
        assertEquals("beam_size", e.error().errors().get(0).field());
        assertTrue(ErrorResponses.malformedBody(new IllegalStateException("boom")).isEmpty());
    }
}
