package it.dev.sema.documents;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The documents API from a client's side: multipart uploads of any bytes, polling with a deadline, downloads. */
public final class DocumentClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Http server;

    public DocumentClient(Http server) {
        this.server = server;
    }

    public record Reply(int status, byte[] body, HttpResponse<byte[]> response) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(text()))) {
                return reader.readObject();
            }
        }

        public Reply expect(int expected) {
            assertEquals(expected, status, () -> "status of " + response.request().uri() + ": " + text());
            return this;
        }

        /** The one error body, with its code. */
        JsonObject error(int expected, String code) {
            JsonObject error = expect(expected).json();
            assertEquals(code, error.getString("error"), error::toString);
            return error;
        }
    }

    /** @param fields form fields besides the file, in order */
    Reply upload(String fileName, byte[] file, Map<String, String> fields, Map<String, String> headers) {
        return upload("/api/v1/documents", fileName, file, fields, headers);
    }

    /** A multipart upload to any route ({@code /v2/document}, {@code /libretranslate/translate_file}). */
    public Reply upload(String path, String fileName, byte[] file, Map<String, String> fields,
                        Map<String, String> headers) {
        String boundary = "----sema" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return send(request);
    }

    Reply upload(String fileName, String file, String target) {
        return upload(fileName, file.getBytes(StandardCharsets.UTF_8), Map.of("target_language", target,
                "source_language", "eng_Latn"), Map.of());
    }

    Reply status(String id, String key) {
        return send(HttpRequest.newBuilder(server.uri("/api/v1/documents/" + id)).header("Document-Key", key).GET());
    }

    /** The status with {@code Prefer: wait=seconds}: answered once the job has ended, or after the wait. */
    Reply statusWaiting(String id, String key, int seconds) {
        return send(HttpRequest.newBuilder(server.uri("/api/v1/documents/" + id)).header("Document-Key", key)
                .header("Prefer", "wait=" + seconds).GET());
    }

    Reply result(String id, String key) {
        return send(HttpRequest.newBuilder(server.uri("/api/v1/documents/" + id + "/result"))
                .header("Document-Key", key).GET());
    }

    Reply delete(String id, String key) {
        return send(HttpRequest.newBuilder(server.uri("/api/v1/documents/" + id)).header("Document-Key", key)
                .DELETE());
    }

    /** Polls until the job ends (done or error) or the deadline passes. */
    JsonObject awaitEnd(JsonObject receipt, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            JsonObject status = status(receipt.getString("document_id"), receipt.getString("document_key"))
                    .expect(200).json();
            String state = status.getString("status");
            assertTrue(Map.of("queued", 1, "translating", 1, "done", 1, "error", 1).containsKey(state), state);
            if (state.equals("done") || state.equals("error")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return fail("document " + receipt.getString("document_id") + " not finished within " + deadline);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
