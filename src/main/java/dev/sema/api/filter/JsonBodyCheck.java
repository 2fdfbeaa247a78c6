package dev.sema.api.filter;

import dev.sema.api.error.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Cheap checks on a request body before any JSON parser sees it: a byte budget (counted while reading, so a
 * chunked body without Content-Length is caught as early as one that declares its size) and a nesting-depth
 * budget (a tiny scanner that skips strings), so neither a huge nor a deeply nested document can make the
 * parser allocate or recurse much.
 *
 * @param maxBytes largest accepted body, bytes
 * @param maxDepth deepest accepted nesting of objects and arrays
 */
public record JsonBodyCheck(long maxBytes, int maxDepth) {

    /** 413 when the declared length is already too large; null or negative (unknown) lengths pass. */
    public void checkDeclaredLength(long contentLength) {
        if (contentLength > maxBytes) {
            throw tooLarge();
        }
    }

    /** 415 unless the type is JSON ({@code application/json} or any {@code +json} suffix type). */
    public static void checkJsonContentType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw new ApiException(415, "unsupported_media_type",
                    "Request bodies must be JSON (Content-Type: application/json), not '" + contentType + "'.");
        }
    }

    /**
     * Reads the whole body, at most {@code maxBytes + 1} bytes of it, scanning nesting depth as it goes.
     *
     * @return the body bytes, for the real parser
     */
    public byte[] read(InputStream body) throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean complete = false;
        long total = 0;
        for (int n; (n = body.read(chunk)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (complete && !isWhitespace(b)) {
                    // the JSON-B parser stops after the first value and would silently ignore the rest
                    throw malformed("Unexpected content after the end of the JSON value.");
                }
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                } else if (b == '"') {
                    inString = true;
                } else if (b == '{' || b == '[') {
                    if (++depth > maxDepth) {
                        throw malformed("JSON nested deeper than " + maxDepth + " levels.");
                    }
                } else if (b == '}' || b == ']') {
                    if (--depth < 0) {
                        throw malformed("Unbalanced '" + (char) b + "' in the JSON body.");
                    }
                    complete = depth == 0;
                }
            }
            copy.write(chunk, 0, n);
        }
        return copy.toByteArray();
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static ApiException malformed(String detail) {
        return new ApiException(400, "malformed_json", detail);
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large",
                "Request body larger than " + maxBytes + " bytes.");
    }
}
