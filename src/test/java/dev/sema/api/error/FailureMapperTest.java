package dev.sema.api.error;

import dev.sema.failure.DocumentRefusedException;
import dev.sema.failure.GlossaryNotFoundException;
import dev.sema.failure.InferenceTimeoutException;
import dev.sema.failure.InvalidGlossaryException;
import dev.sema.failure.InvalidMarkupException;
import dev.sema.failure.LanguageNotInModelException;
import dev.sema.failure.LanguageUndeterminedException;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.failure.OverloadedException;
import dev.sema.failure.SemaException;
import dev.sema.failure.UnknownRegionException;
import dev.sema.failure.UnsupportedLanguageException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every domain failure has its HTTP form, and the one error body serialises as the API documents it. */
class FailureMapperTest {

    private static final List<SemaException> ONE_OF_EACH = List.of(
            new UnsupportedLanguageException("target_language", "swa_Latn", List.of("swh_Latn")),
            new LanguageNotInModelException("source_language", "xho_Latn"),
            new LanguageUndeterminedException(LanguageUndeterminedException.Purpose.TRANSLATION_SOURCE, List.of()),
            new UnknownRegionException("Atlantis", List.of("Africa")),
            ModelUnavailableException.loading("translation", "downloading"),
            new OverloadedException(),
            new InferenceTimeoutException("late"),
            new InvalidMarkupException("texts[1]", 3, 14, "unclosed element"),
            new DocumentRefusedException(DocumentRefusedException.Reason.TOO_LARGE, "big"),
            new InvalidGlossaryException("dictionaries[0].entries", "Invalid glossary entries", List.of("line 2: empty source term")),
            new GlossaryNotFoundException("g-1"));

    @Test
    void everyKindOfFailureIsMapped() {
        Set<Class<?>> sealed = Set.of(SemaException.class.getPermittedSubclasses());
        assertEquals(sealed, ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet()),
                "a new SemaException needs its status and code here and in FailureMapper");
        Map<String, Integer> statuses = ONE_OF_EACH.stream().map(FailureMapper::toApi)
                .collect(Collectors.toMap(ApiException::code, ApiException::status, (a, b) -> a));
        assertEquals(Map.of("unsupported_language", 400, "source_language_undetermined", 400, "unknown_region", 404,
                "model_loading", 503, "overloaded", 503, "timeout", 503, "invalid_markup", 400,
                "document_too_large", 413, "invalid_glossary", 400, "glossary_not_found", 404), statuses);
        assertEquals(Arrays.asList("10", "1", "1"), ONE_OF_EACH.subList(4, 7).stream()
                .map(e -> FailureMapper.toApi(e).headers().get("Retry-After")).toList());
    }

    @Test
    void everyDocumentRefusalHasItsStatus() {
        Map<String, Integer> statuses = Arrays.stream(DocumentRefusedException.Reason.values())
                .map(r -> FailureMapper.toApi(new DocumentRefusedException(r, r.name())))
                .collect(Collectors.toMap(ApiException::code, ApiException::status));
        assertEquals(Map.of("document_too_large", 413, "unsupported_document_type", 415, "too_many_documents", 429,
                "document_queue_full", 429, "document_not_found", 404, "document_not_ready", 409), statuses);
    }

    @Test
    void theErrorBodyIsSnakeCaseInDocumentedOrderWithoutAbsentFields() throws Exception {
        ApiException e = RequestChecks.tooLong("Text too long.", "text", "at most 5 characters", 5, 7);
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"detail\":\"Text too long.\",\"error\":\"text_too_long\",\"request_id\":\"r1\","
                            + "\"errors\":[{\"field\":\"text\",\"message\":\"at most 5 characters\"}],"
                            + "\"max_characters\":5,\"character_count\":7}",
                    jsonb.toJson(e.error().withRequestId("r1")));
        }
    }
}
