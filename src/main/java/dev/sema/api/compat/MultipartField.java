package dev.sema.api.compat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One small text field of a multipart body, found before the body is bound: LibreTranslate's clients send the key
 * of a file upload as its {@code api_key} field, and access is decided before any resource reads the form.
 */
final class MultipartField {

    private static final int MAX_VALUE = 1024;

    private MultipartField() {
    }

    /** The field's value, when the body has a part of that name without a file name and a short value. */
    static Optional<String> value(byte[] body, String boundary, String name) {
        if (boundary == null || boundary.isEmpty()) {
            return Optional.empty();
        }
        // ISO-8859-1 maps every byte to one char, so indexes in the text are indexes in the bytes
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        Pattern named = Pattern.compile("content-disposition:\\s*form-data;\\s*name=\"" + Pattern.quote(name)
                + "\"\\s*(\r\n|$)", Pattern.MULTILINE);
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int headersEnd = text.indexOf("\r\n\r\n", at);
            int next = text.indexOf("\r\n" + delimiter, at + delimiter.length());
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                return Optional.empty();
            }
            String headers = text.substring(at + delimiter.length(), headersEnd).toLowerCase(Locale.ROOT);
            int start = headersEnd + 4;
            if (named.matcher(headers).find() && next - start <= MAX_VALUE) {
                return Optional.of(new String(body, start, next - start, StandardCharsets.UTF_8));
            }
            at = next + 2;
        }
        return Optional.empty();
    }
}
