package dev.sema.api.filter;

import dev.sema.api.error.ApiError;
import dev.sema.api.error.ApiException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.spi.JsonProvider;

import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a JSON request body against the record it binds to, before JSON-B sees it: the body must be an object,
 * each known field must hold the JSON type its component takes (or null), and unknown fields are dropped.
 *
 * <p>Why: the Yasson/Parsson pair in Open Liberty 26.0.0.3 loops forever when it has to skip an array or object
 * (an unknown field such as {@code "x":[]}, or {@code "text":[1]} for a string). Each such request pinned a
 * thread at full CPU; found by {@code FuzzIT}. Building the tree with {@link JsonReader} does not skip, so once
 * the shape is right JSON-B never needs to.
 */
final class JsonShape {

    /**
     * Looked up once: {@code Json.createReader} and friends look the provider up on every call, a service-loader
     * scan that under Liberty's OSGi class loaders throws and catches a ClassNotFoundException each time; on every
     * request that cost more than translating a short sentence with a small model.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private JsonShape() {
    }

    /**
     * @return the body to bind: unchanged when it already fits, else re-serialised (UTF-8) without unknown fields;
     *         empty when {@code type} is not a record (nothing to check against) or the body is blank or null
     * @throws ApiException 400 {@code malformed_json} for invalid JSON, a non-object, or a field of the wrong type
     */
    static Optional<byte[]> conform(byte[] body, Class<?> type) {
        if (!type.isRecord() || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw malformed("Request body is not valid JSON.", List.of());
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty(); // binds to no entity: the resource's own missing_body
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("Request body must be a JSON object.", List.of());
        }
        JsonObject object = value.asJsonObject();
        JsonObjectBuilder known = JSON.createObjectBuilder();
        List<ApiError.FieldError> errors = new ArrayList<>();
        int kept = 0;
        for (RecordComponent component : type.getRecordComponents()) {
            String name = jsonName(type, component);
            JsonValue field = object.get(name);
            if (field == null) {
                continue;
            }
            kept++;
            known.add(name, field);
            if (!fits(field, component.getGenericType())) {
                errors.add(new ApiError.FieldError(name, "wrong type or malformed value"));
            }
        }
        if (!errors.isEmpty()) {
            throw malformed("Field '" + errors.get(0).field() + "' has the wrong type or a malformed value.", errors);
        }
        return Optional.of(kept == object.size() ? body
                : known.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean fits(JsonValue value, Type type) {
        JsonValue.ValueType json = value.getValueType();
        if (json == JsonValue.ValueType.NULL) {
            return true;
        }
        if (type == String.class) {
            return json == JsonValue.ValueType.STRING;
        }
        if (type instanceof Class<?> c && (Number.class.isAssignableFrom(c) || c.isPrimitive() && c != boolean.class)) {
            return json == JsonValue.ValueType.NUMBER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return json == JsonValue.ValueType.TRUE || json == JsonValue.ValueType.FALSE;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            return json == JsonValue.ValueType.ARRAY && value.asJsonArray().stream()
                    .allMatch(item -> item.getValueType() != JsonValue.ValueType.NULL && fits(item, element));
        }
        if (type instanceof Class<?> nested && nested.isRecord()) { // e.g. a glossary's dictionaries
            return json == JsonValue.ValueType.OBJECT && Arrays.stream(nested.getRecordComponents())
                    .allMatch(component -> {
                        JsonValue field = value.asJsonObject().get(jsonName(nested, component));
                        return field == null || fits(field, component.getGenericType());
                    });
        }
        return false; // a component type this check does not know: refuse rather than let the binder skip
    }

    private static String jsonName(Class<?> type, RecordComponent component) {
        try {
            JsonbProperty property = type.getDeclaredField(component.getName()).getAnnotation(JsonbProperty.class);
            return property == null || property.value().isEmpty() ? component.getName() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record has a field per component", e);
        }
    }

    private static ApiException malformed(String detail, List<ApiError.FieldError> errors) {
        return new ApiException(400, ApiError.of("malformed_json", detail).withErrors(errors), Map.of());
    }
}
