package dev.sema.api.compat;

import dev.sema.api.ApiConfig;
import dev.sema.api.error.ApiException;
import dev.sema.api.filter.FilterOrder;
import dev.sema.api.filter.JsonBodyCheck;
import dev.sema.api.filter.RequestLimits;
import dev.sema.documents.DocumentsConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a foreign client's request look like a Sema request before anything else reads it, so the rest of the edge
 * (body limits, the JSON shape check, access, quotas, rate limits) treats it exactly as one of its own: DeepL's
 * {@code Authorization: DeepL-Auth-Key <key>} and LibreTranslate's {@code api_key} body field become the bearer
 * token (also from a multipart upload's {@code api_key} part); form bodies (as DeepL's clients and LibreTranslate's
 * page send them) become the equivalent JSON, and
 * fields that clients spell several ways take the one JSON type each ({@link BodyField}). Paths outside the
 * surfaces pass untouched.
 */
@Provider
@PreMatching
@Priority(FilterOrder.REQUEST_LIMITS - 10)
public class CompatBodies implements ContainerRequestFilter {

    private static final String DEEPL_SCHEME = "DeepL-Auth-Key ";
    private static final String API_KEY = "api_key";
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ApiConfig config;
    @Inject
    DocumentsConfig documents;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Optional<Surface> surface = Surface.of(request.getUriInfo().getPath());
        if (surface.isEmpty()) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, DEEPL_SCHEME, 0, DEEPL_SCHEME.length())) {
            bearer(request, authorization.substring(DEEPL_SCHEME.length()));
        }
        MediaType type = request.getMediaType();
        if (surface.get() == Surface.LIBRETRANSLATE && type != null
                && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            multipartKey(request, type, authorization == null);
            return;
        }
        boolean form = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        if (!BODY_METHODS.contains(request.getMethod()) || !request.hasEntity() || !(form || json)) {
            return; // no body, or one the edge refuses as it refuses any such body
        }
        byte[] body = read(request);
        Optional<JsonObject> object = form ? Optional.of(formObject(body)) : jsonObject(body);
        if (object.isEmpty()) {
            request.setEntityStream(new ByteArrayInputStream(body)); // the edge's own malformed_json
            return;
        }
        JsonValue apiKey = object.get().get(API_KEY);
        if (authorization == null && apiKey instanceof JsonString key && !key.getString().isBlank()) {
            bearer(request, key.getString());
        }
        byte[] normalized = normalize(object.get(), surface.get().fields()).toString()
                .getBytes(StandardCharsets.UTF_8);
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON + ";charset=UTF-8");
        request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(normalized.length));
        request.setEntityStream(new ByteArrayInputStream(normalized));
    }

    /**
     * LibreTranslate's file upload names its key in an {@code api_key} part: the body is read as far as a document
     * may be (413 beyond, as RequestLimits answers a declared length) and given back as bytes, which its resource
     * reads the parts from ({@link MultipartField}).
     */
    private void multipartKey(ContainerRequestContext request, MediaType type, boolean keyFromBody)
            throws IOException {
        long limit = documents.maxBytes() + RequestLimits.MULTIPART_OVERHEAD;
        InputStream original = request.getEntityStream();
        byte[] body = original.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
        if (original.read() >= 0) {
            throw new ApiException(413, "document_too_large", "A document may have at most "
                    + documents.maxBytes() + " bytes.");
        }
        if (keyFromBody) {
            MultipartField.value(body, type.getParameters().get("boundary"), API_KEY)
                    .filter(key -> !key.isBlank()).ifPresent(key -> bearer(request, key));
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static void bearer(ContainerRequestContext request, String key) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + key.strip());
    }

    /** At most {@code sema.max-body-bytes}, as the edge reads every body (413 beyond). */
    private byte[] read(ContainerRequestContext request) {
        try {
            return new JsonBodyCheck(config.maxBodyBytes(), config.maxJsonDepth()).read(request.getEntityStream());
        } catch (IOException e) {
            throw new ApiException(400, "unreadable_body", "The request body could not be read; check its"
                    + " Content-Encoding and Content-Length.");
        }
    }

    /**
     * A form's fields as JSON: a repeated field ({@code text=a&text=b}) becomes an array, indexed ones an array of
     * objects ({@link IndexedFields}), any other a string.
     */
    static JsonObject formObject(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        JsonObjectBuilder object = JSON.createObjectBuilder();
        fields.forEach((name, values) -> {
            if (values.size() == 1) {
                object.add(name, values.get(0));
            } else {
                object.add(name, JSON.createArrayBuilder(values));
            }
        });
        return IndexedFields.nest(object.build(), JSON);
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "malformed_form", "The form body is not valid URL encoding.");
        }
    }

    private static Optional<JsonObject> jsonObject(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject())
                    : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    static JsonObject normalize(JsonObject object, Map<String, BodyField> fields) {
        JsonObjectBuilder normalized = JSON.createObjectBuilder();
        object.forEach((name, value) -> {
            BodyField field = fields.get(name);
            if (field == null) {
                normalized.add(name, value);
            } else {
                field.put(JSON, normalized, name, value);
            }
        });
        return normalized.build();
    }
}
