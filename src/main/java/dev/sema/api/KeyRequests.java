package dev.sema.api;

import dev.sema.accounts.KeyLimits;
import dev.sema.accounts.KeySettings;
import dev.sema.accounts.Scope;
import dev.sema.api.dto.CreateApiKeyRequest;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.ErrorResponses;
import dev.sema.api.error.RequestChecks;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Turns the admin API's key bodies into {@link KeySettings}, with a 400 naming the field for anything invalid.
 * PATCH is a JSON merge patch (RFC 7396): an absent field stays as it is, {@code null} removes a limit or the expiry,
 * or returns the scopes to the default.
 */
final class KeyRequests {

    static final int MAX_NAME = 200;
    private static final long MAX_LIMIT = 1_000_000_000_000_000L;

    private KeyRequests() {
    }

    static KeySettings create(CreateApiKeyRequest request) {
        CreateApiKeyRequest r = RequestChecks.requireBody(request);
        KeyLimits limits = new KeyLimits(requests("requests_per_minute", r.requestsPerMinute()),
                requests("requests_per_hour", r.requestsPerHour()), characters("characters_per_day",
                r.charactersPerDay()), characters("characters_per_month", r.charactersPerMonth()));
        return new KeySettings(name(r.name()), limits, r.enabled() == null || r.enabled(), expiry(r.expiresAt()),
                KeyScopes.of(r.scopes()), KeyAddresses.of(r.allowedIps()), Boolean.TRUE.equals(r.requireSignature()));
    }

    static UnaryOperator<KeySettings> patch(String body) {
        JsonObject patch = parse(body);
        return current -> {
            KeyLimits l = current.limits();
            KeyLimits limits = new KeyLimits(
                    patch.containsKey("requests_per_minute") ? requests("requests_per_minute",
                            number(patch, "requests_per_minute")) : l.requestsPerMinute(),
                    patch.containsKey("requests_per_hour") ? requests("requests_per_hour",
                            number(patch, "requests_per_hour")) : l.requestsPerHour(),
                    patch.containsKey("characters_per_day") ? characters("characters_per_day",
                            number(patch, "characters_per_day")) : l.charactersPerDay(),
                    patch.containsKey("characters_per_month") ? characters("characters_per_month",
                            number(patch, "characters_per_month")) : l.charactersPerMonth());
            String name = patch.containsKey("name") ? name(string(patch, "name")) : current.name();
            boolean enabled = patch.containsKey("enabled") ? bool(patch, "enabled") : current.enabled();
            OffsetDateTime expires = patch.containsKey("expires_at") ? expiry(string(patch, "expires_at"))
                    : current.expiresAt();
            Set<Scope> scopes = patch.containsKey("scopes") ? KeyScopes.of(patch.get("scopes")) : current.scopes();
            List<String> allowedIps = patch.containsKey("allowed_ips") ? KeyAddresses.of(patch.get("allowed_ips"))
                    : current.allowedIps();
            boolean signs = patch.containsKey("require_signature") ? bool(patch, "require_signature")
                    : current.requireSignature();
            return new KeySettings(name, limits, enabled, expires, scopes, allowedIps, signs);
        };
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(400, "missing_body", "A JSON request body is required.");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ApiException(400, "malformed_json", "The request body must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw ErrorResponses.malformedBody(e).orElseThrow(() -> e);
        }
    }

    private static String name(String name) {
        String stripped = RequestChecks.requireField("name", name).strip();
        if (stripped.isEmpty() || RequestChecks.codePoints(stripped) > MAX_NAME) {
            throw invalid("name", "1 to " + MAX_NAME + " characters");
        }
        return stripped;
    }

    private static Long requests(String field, Long value) {
        return limit(field, value, 1);
    }

    private static Long characters(String field, Long value) {
        return limit(field, value, 0);
    }

    private static Long limit(String field, Long value, long min) {
        if (value != null && (value < min || value > MAX_LIMIT)) {
            throw invalid(field, "an integer from " + min + " to " + MAX_LIMIT + ", or absent for no limit");
        }
        return value;
    }

    private static OffsetDateTime expiry(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("expires_at", "an ISO-8601 date-time with offset, e.g. 2027-01-01T00:00:00Z");
        }
    }

    private static Long number(JsonObject patch, String field) {
        JsonValue value = patch.get(field);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw invalid(field, "an integer");
            }
        }
        throw invalid(field, "an integer or null");
    }

    /** A merge patch's list of strings, null when the field is null. */
    static List<String> strings(JsonValue value, Supplier<ApiException> invalid) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
            throw invalid.get();
        }
        return array.getValuesAs(JsonString::getString);
    }

    private static String string(JsonObject patch, String field) {
        JsonValue value = patch.get(field);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw invalid(field, "a string");
    }

    private static boolean bool(JsonObject patch, String field) {
        JsonValue.ValueType type = patch.get(field).getValueType();
        if (type == JsonValue.ValueType.TRUE || type == JsonValue.ValueType.FALSE) {
            return type == JsonValue.ValueType.TRUE;
        }
        throw invalid(field, "true or false");
    }

    private static ApiException invalid(String field, String expected) {
        return RequestChecks.invalid(400, "invalid_value", field, "Field '" + field + "' must be " + expected + ".",
                expected);
    }
}
