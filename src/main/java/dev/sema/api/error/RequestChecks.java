package dev.sema.api.error;

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
            throw tooLong("Text too long: " + count + " characters, maximum " + maxCodePoints + " allowed.", field,
                    "at most " + maxCodePoints + " characters", maxCodePoints, count);
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
        return new ApiException(status, ApiError.ofField(code, detail, field, message), Map.of());
    }

    /** 413 {@code text_too_long} with the limit and the count, both in code points. */
    public static ApiException tooLong(String detail, String field, String message, int max, int count) {
        return new ApiException(413, ApiError.ofField("text_too_long", detail, field, message).withLength(max, count),
                Map.of());
    }
}
