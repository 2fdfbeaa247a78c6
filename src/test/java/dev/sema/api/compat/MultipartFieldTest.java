package dev.sema.api.compat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MultipartFieldTest {

    private static final String BODY = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nname=\"api_key\"\r\n\r\nnot this\r\n"
            + "--b1\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\nsema_k3y\r\n"
            + "--b1\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\nsw\r\n--b1--\r\n";

    @Test
    void findsTheNamedTextFieldAndNotTextInsideAFile() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of("sema_k3y"), MultipartField.value(body, "b1", "api_key"));
        assertEquals(Optional.of("sw"), MultipartField.value(body, "b1", "target"));
        assertEquals(Optional.empty(), MultipartField.value(body, "b1", "source"));
        assertEquals(Optional.empty(), MultipartField.value(body, "other", "api_key"));
        MultipartField.Part file = MultipartField.part(body, "b1", "file").orElseThrow();
        assertEquals("a.txt", file.fileName());
        assertEquals("name=\"api_key\"\r\n\r\nnot this", new String(file.content(), StandardCharsets.UTF_8));
        assertEquals(null, MultipartField.part(body, "b1", "target").orElseThrow().fileName());
        assertEquals(Optional.empty(), MultipartField.value("garbage".getBytes(StandardCharsets.UTF_8), "b1",
                "api_key"));
    }
}
