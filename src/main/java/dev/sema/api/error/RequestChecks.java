package dev.sema.api.error;

import java.util.List;
import java.util.Map;

/** Validation shared by the endpoints that take client text; each failure is an {@link ApiException}. */
public final class RequestChecks {

    private RequestChecks() {
    }

    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new ApiException(400, "missing_body", "A JSON request body is required.");
        }
        return body;
    }

    public static <T> T requireField(String field, T value) {
        if (value == null) {
            throw invalid(400, "missing_field", field, "Field '" + field + "' is required.", "required");
        }
        return value;
    }

    /**
     * @return the text without surrounding whitespace
     * @throws ApiException 400 when missing or blank, 413 when longer than {@code maxCodePoints} after trimming
     */
    public static String requireText(String field, String text, int maxCodePoints) {
        requireField(field, text);
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            throw invalid(400, "empty_text", field, "Text cannot be empty or only whitespace.", "must not be blank");
        }
        int count = codePoints(stripped);
        if (count > maxCodePoints) {
            throw new ApiException(413, "text_too_long",
                    "Text too long: " + count + " characters, maximum " + maxCodePoints + " allowed.",
                    List.of(new ApiException.FieldError(field, "at most " + maxCodePoints + " characters")),
                    Map.of("max_characters", maxCodePoints, "character_count", count), Map.of());
        }
        return stripped;
    }

    /** An optional integer within {@code [min, max]}; absent gives {@code absent}. */
    public static int optionalRange(String field, Integer value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        if (value < min || value > max) {
            throw invalid(400, "invalid_value", field, "Field '" + field + "' must be between " + min + " and " + max
                    + ".", "between " + min + " and " + max);
        }
        return value;
    }

    public static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }


    public static ApiException invalid(int status, String code, String field, String detail, String message) {
        return new ApiException(status, code, detail, List.of(new ApiException.FieldError(field, message)),
                Map.of(), Map.of());
    }
}
