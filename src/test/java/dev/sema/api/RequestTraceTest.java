package dev.sema.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RequestTraceTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A.b-c_9", "0123456789012345678901234567890123456789012345678901234567890123456789"
            + "012345678901234567890123456789012345678901234567890123456"})
    void reusesWellFormedIds(String id) {
        RequestTrace trace = new RequestTrace();
        trace.begin(id);
        assertEquals(id, trace.requestId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "semi;colon", "new\nline", "ü"})
    void replacesMissingOrMalformedIdsWithUuid(String id) {
        RequestTrace trace = new RequestTrace();
        trace.begin(id);
        assertEquals(trace.requestId(), UUID.fromString(trace.requestId()).toString());
        assertNotEquals(id, trace.requestId());
    }

    @org.junit.jupiter.api.Test
    void rejectsIdsLongerThan128() {
        RequestTrace trace = new RequestTrace();
        trace.begin("x".repeat(129));
        assertEquals(36, trace.requestId().length());
    }
}
