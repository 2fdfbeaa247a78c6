package dev.sema.api.documents;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 7240's wait among other preferences, capped; what cannot be read is no preference. */
class PreferWaitTest {

    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void readsTheWaitPreference() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), PreferWait.of("wait=10", MAX));
        assertEquals(Optional.of(Duration.ofSeconds(5)), PreferWait.of("respond-async, wait=5", MAX));
        assertEquals(Optional.of(Duration.ofSeconds(7)), PreferWait.of("Wait = \"7\"; x=1", MAX));
        assertEquals(Optional.of(Duration.ZERO), PreferWait.of("wait=0", MAX));
        assertEquals(Optional.of(MAX), PreferWait.of("wait=3600", MAX));
    }

    @Test
    void ignoresWhatIsNotAWait() {
        assertEquals(Optional.empty(), PreferWait.of(null, MAX));
        assertEquals(Optional.empty(), PreferWait.of("return=minimal", MAX));
        assertEquals(Optional.empty(), PreferWait.of("wait=soon", MAX));
        assertEquals(Optional.empty(), PreferWait.of("wait=-1", MAX));
        assertEquals(Optional.empty(), PreferWait.of("nowait=5", MAX));
        assertEquals(Optional.empty(), PreferWait.of("wait=99999999999", MAX));
    }
}
