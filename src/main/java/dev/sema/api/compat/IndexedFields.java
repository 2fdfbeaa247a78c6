package dev.sema.api.compat;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form's indexed fields as the JSON array of objects they spell: DeepL's clients send a glossary's dictionaries
 * as {@code dictionaries[0].source_lang=en&dictionaries[0].entries=...}, its JSON API as
 * {@code "dictionaries": [{"source_lang": "en", ...}]}; both reach the resource as the latter.
 */
final class IndexedFields {

    private static final Pattern INDEXED = Pattern.compile("([A-Za-z_]+)\\[(\\d{1,4})]\\.([A-Za-z_]+)");

    private IndexedFields() {
    }

    static JsonObject nest(JsonObject form, JsonProvider json) {
        JsonObjectBuilder plain = json.createObjectBuilder();
        Map<String, TreeMap<Integer, JsonObjectBuilder>> lists = new TreeMap<>();
        form.forEach((name, value) -> {
            Matcher m = INDEXED.matcher(name);
            if (m.matches()) {
                lists.computeIfAbsent(m.group(1), n -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(m.group(2)), i -> json.createObjectBuilder())
                        .add(m.group(3), value);
            } else {
                plain.add(name, value);
            }
        });
        lists.forEach((name, items) -> {
            JsonArrayBuilder array = json.createArrayBuilder();
            items.values().forEach(item -> array.add((JsonValue) item.build()));
            plain.add(name, array);
        });
        return plain.build();
    }
}
