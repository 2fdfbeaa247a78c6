package dev.sema.nllb;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/** A small JSON object file ({@code config.json}, {@code generation_config.json}) whose errors name the file. */
final class JsonFile {

    private final Path path;
    private final JsonObject root;

    private JsonFile(Path path, JsonObject root) {
        this.path = path;
        this.root = root;
    }

    static JsonFile read(Path path) {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            return new JsonFile(path, reader.readObject());
        } catch (IOException | JsonException | IllegalStateException e) {
            throw new NllbModelException("Cannot read " + path + " as a JSON object: " + e.getMessage(), e);
        }
    }

    /** A positive integer that must be present. */
    int requiredPositive(String key) {
        return optionalInt(key).stream().filter(v -> v > 0).findFirst().orElseThrow(
                () -> new NllbModelException(path + ": '" + key + "' must be a positive integer"));
    }

    OptionalInt optionalInt(String key) {
        JsonValue value = root.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalInt.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new NllbModelException(path + ": '" + key + "' must be an integer, found " + value);
        }
        try {
            return OptionalInt.of(number.intValueExact());
        } catch (ArithmeticException e) {
            throw new NllbModelException(path + ": '" + key + "' is out of range: " + value, e);
        }
    }

    Path path() {
        return path;
    }
}
