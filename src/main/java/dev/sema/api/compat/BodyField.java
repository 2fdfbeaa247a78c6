package dev.sema.api.compat;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.regex.Pattern;

/**
 * How a foreign client may spell one body field that Sema's records take in one JSON type only: a list sent as one
 * string (a form's single {@code text=}, LibreTranslate's {@code "q": "..."}), DeepL's comma-separated tag lists, a
 * number sent as a form string. {@link CompatBodies} rewrites each into the one type before the body is bound.
 */
enum BodyField {

    /** A string becomes a one-element list; the body notes that it was one ({@link #SINGLE_SUFFIX}). */
    LIST,
    /** A string becomes the list of its comma-separated parts. */
    COMMA_LIST,
    /** A string of digits becomes that number. */
    NUMBER;

    /** {@code q} sent as a string adds {@code "q_single": true}, so the answer can be a string too. */
    static final String SINGLE_SUFFIX = "_single";

    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    void put(JsonProvider json, JsonObjectBuilder body, String name, JsonValue value) {
        if (!(value instanceof JsonString string)) {
            body.add(name, value);
            return;
        }
        String text = string.getString();
        switch (this) {
            case LIST -> {
                body.add(name, json.createArrayBuilder().add(text));
                body.add(name + SINGLE_SUFFIX, true);
            }
            case COMMA_LIST -> {
                JsonArrayBuilder parts = json.createArrayBuilder();
                for (String part : text.split(",")) {
                    if (!part.isBlank()) {
                        parts.add(part.strip());
                    }
                }
                body.add(name, parts);
            }
            case NUMBER -> {
                if (DIGITS.matcher(text.strip()).matches()) {
                    body.add(name, Integer.parseInt(text.strip()));
                } else {
                    body.add(name, value); // refused as the wrong type when the body is bound
                }
            }
        }
    }
}
