package dev.sema.api.filter;

import dev.sema.api.error.ApiException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBodyCheckTest {

    private final JsonBodyCheck check = new JsonBodyCheck(64 * 1024, 32);

    @Test
    void anOrdinaryBodyPassesUnchanged() throws IOException {
        byte[] body = "{\"text\":\"Habari {[ za ]} asubuhi \\\" [\",\"target_language\":\"eng_Latn\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, check.read(new ByteArrayInputStream(body)));
    }

    @Test
    void declaredLengthOverTheLimitIs413() {
        check.checkDeclaredLength(64 * 1024);
        check.checkDeclaredLength(-1);
        ApiException e = assertThrows(ApiException.class, () -> check.checkDeclaredLength(64 * 1024 + 1));
        assertEquals(413, e.status());
        assertEquals("payload_too_large", e.code());
    }

    @Test
    void chunkedBodyIsCutOffOnceItPassesTheLimitNotAfterReadingItAll() {
        CountingStream endless = new CountingStream(' ');
        ApiException e = assertThrows(ApiException.class, () -> check.read(endless));
        assertEquals(413, e.status());
        assertTrue(endless.served <= 64 * 1024 + 8192, "read " + endless.served + " bytes before refusing");
    }

    @Test
    void nestingDeeperThanTheLimitIs400MalformedJsonAndBracketsInStringsDoNotCount() throws IOException {
        String ok = "[".repeat(32) + "\"[[[[{{{{\\\"[[[[\"" + "]".repeat(32);
        check.read(stream(ok));
        ApiException e = assertThrows(ApiException.class, () -> check.read(stream("{\"a\":" + "[".repeat(32) + "]".repeat(32) + "}")));
        assertEquals(400, e.status());
        assertEquals("malformed_json", e.code());
    }

    @Test
    void contentAfterTheValueAndUnbalancedClosersAre400() throws IOException {
        check.read(stream("{\"a\":[1]} \r\n\t"));
        check.read(stream("{\"a\":\"}} x\"}"));
        for (String bad : new String[]{"{\"a\":1}}", "{\"a\":1} {\"b\":2}", "[1]x", "]", "{\"a\":1}]"}) {
            ApiException e = assertThrows(ApiException.class, () -> check.read(stream(bad)), bad);
            assertEquals(400, e.status());
            assertEquals("malformed_json", e.code());
        }
    }

    @Test
    void deepNestingIsRefusedBeforeTheRestOfTheBodyIsRead() {
        JsonBodyCheck roomy = new JsonBodyCheck(Long.MAX_VALUE, 32);
        CountingStream brackets = new CountingStream('[');
        assertThrows(ApiException.class, () -> roomy.read(brackets));
        assertTrue(brackets.served <= 8192, "read " + brackets.served + " bytes");
    }

    @Test
    void onlyJsonMediaTypesAreAccepted() {
        JsonBodyCheck.checkJsonContentType("application/json");
        JsonBodyCheck.checkJsonContentType("Application/JSON; charset=utf-8");
        JsonBodyCheck.checkJsonContentType("application/merge-patch+json");
        for (String bad : new String[]{"text/plain", "application/x-www-form-urlencoded", null, "",
                "application/jsonp", "text/json+xml"}) {
            ApiException e = assertThrows(ApiException.class, () -> JsonBodyCheck.checkJsonContentType(bad), bad);
            assertEquals(415, e.status());
            assertEquals("unsupported_media_type", e.code());
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An endless body of one repeated byte that counts what it hands out. */
    private static final class CountingStream extends InputStream {
        private final byte fill;
        long served;

        CountingStream(char fill) {
            this.fill = (byte) fill;
        }

        @Override
        public int read() {
            served++;
            return fill;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, fill);
            served += len;
            return len;
        }
    }
}
