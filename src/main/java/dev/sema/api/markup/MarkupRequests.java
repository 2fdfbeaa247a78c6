package dev.sema.api.markup;

import dev.sema.api.ApiConfig;
import dev.sema.api.error.ApiError;
import dev.sema.api.error.ApiException;
import dev.sema.api.error.RequestChecks;
import dev.sema.markup.MarkupDocument;
import dev.sema.markup.MarkupOptions;
import dev.sema.translation.TranslationOptions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The edge's checks of texts sent with {@code tag_handling}: each present and not blank, all together within
 * {@code sema.max-markup-bytes} (413 {@code markup_too_large}, checked before any parsing), each readable as
 * its markup (400 {@code invalid_markup}, from the domain), and the characters to translate within
 * {@code sema.max-characters} (413 {@code text_too_long}: tags do not count). Markup is not stripped: whitespace
 * around it is part of the document.
 */
public final class MarkupRequests {

    private final ApiConfig config;

    public MarkupRequests(ApiConfig config) {
        this.config = config;
    }

    /**
     * @param fields the request field of each text ({@code text}, {@code texts[3]})
     */
    public MarkupJob job(List<String> fields, List<String> texts, MarkupOptions options, String source,
                         String target, TranslationOptions translation, Integer alternatives) {
        if (alternatives != null && alternatives > 0) {
            throw RequestChecks.invalid(400, "invalid_value", "alternatives", "Alternatives are not available with"
                    + " tag_handling.", "0 or absent with tag_handling");
        }
        long bytes = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = RequestChecks.requireField(fields.get(i), texts.get(i));
            if (text.isBlank()) {
                throw RequestChecks.invalid(400, "empty_text", fields.get(i), "Text cannot be empty or only"
                        + " whitespace.", "must not be blank");
            }
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > config.maxMarkupBytes()) {
            throw new ApiException(413, ApiError.ofField("markup_too_large", "Markup too large: " + bytes
                    + " bytes, maximum " + config.maxMarkupBytes() + " allowed.", fields.size() == 1 ? fields.get(0)
                    : "texts", "at most " + config.maxMarkupBytes() + " bytes of markup"), Map.of());
        }
        List<MarkupDocument> documents = new ArrayList<>(texts.size());
        int characters = 0;
        for (int i = 0; i < texts.size(); i++) {
            MarkupDocument document = MarkupDocument.read(fields.get(i), texts.get(i), options);
            documents.add(document);
            characters += document.characterCount();
        }
        if (characters > config.maxCharacters()) {
            String field = fields.size() == 1 ? fields.get(0) : "texts";
            throw RequestChecks.tooLong("Text too long: " + characters + " characters to translate, maximum "
                    + config.maxCharacters() + " allowed.", field, "at most " + config.maxCharacters()
                    + " characters of text (tags do not count)", config.maxCharacters(), characters);
        }
        return new MarkupJob(documents, texts, source, target, translation);
    }
}
