package dev.sema.api.compat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a multipart body read from its bytes. LibreTranslate's clients send the key of a file upload as its
 * {@code api_key} part, and access is decided before any resource reads the form, so {@link CompatBodies} reads the
 * body first; the file route then takes its parts from the same bytes.
 */
public final class MultipartField {

    private static final int MAX_VALUE = 1024;
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /** A part's file name (null for a plain field) and content. */
    public record Part(String fileName, byte[] content) {
    }

    private MultipartField() {
    }

    /** A short text field's value (at most 1 KiB), when the body has a part of that name. */
    public static Optional<String> value(byte[] body, String boundary, String name) {
        return part(body, boundary, name).filter(p -> p.content().length <= MAX_VALUE)
                .map(p -> new String(p.content(), StandardCharsets.UTF_8));
    }

    /** The first part of that name. */
    public static Optional<Part> part(byte[] body, String boundary, String name) {
        if (boundary == null || boundary.isEmpty()) {
            return Optional.empty();
        }
        // ISO-8859-1 maps every byte to one char, so indexes in the text are indexes in the bytes
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        Pattern named = Pattern.compile("content-disposition:\\s*form-data;(.*;)?\\s*name=\"" + Pattern.quote(name)
                + "\"\\s*(;|\r\n|$)", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int headersEnd = text.indexOf("\r\n\r\n", at);
            int next = text.indexOf("\r\n" + delimiter, at + delimiter.length());
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                return Optional.empty();
            }
            String headers = text.substring(at + delimiter.length(), headersEnd);
            if (named.matcher(headers).find()) {
                Matcher fileName = FILE_NAME.matcher(headers);
                byte[] content = new byte[next - headersEnd - 4];
                System.arraycopy(body, headersEnd + 4, content, 0, content.length);
                return Optional.of(new Part(fileName.find() ? new String(fileName.group(1)
                        .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : null, content));
            }
            at = next + 2;
        }
        return Optional.empty();
    }
}
