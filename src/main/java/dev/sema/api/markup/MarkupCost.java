package dev.sema.api.markup;

import dev.sema.api.CharacterCost;
import dev.sema.api.error.ApiException;
import dev.sema.failure.InvalidMarkupException;
import dev.sema.markup.MarkupDocument;
import dev.sema.markup.MarkupOptions;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What markup costs of an API key's character quota before the resource runs: the characters that will be
 * translated, not the tags. Markup the resource will refuse anyway (bad options, invalid or oversized markup)
 * reserves its raw length: the reservation is released when the request fails.
 */
public final class MarkupCost {

    /** Beyond this many bytes the markup is not parsed here: the resource answers 413 before any parsing. */
    private static final int MAX_PARSED_BYTES = 1 << 20;

    private MarkupCost() {
    }

    public static long characters(List<String> texts, String tagHandling, List<String> ignoreTags,
                                  List<String> splittingTags, List<String> nonSplittingTags) {
        long raw = texts.stream().mapToLong(CharacterCost::codePoints).sum();
        long bytes = texts.stream().mapToLong(t -> t == null ? 0 : t.getBytes(StandardCharsets.UTF_8).length).sum();
        if (bytes > MAX_PARSED_BYTES) {
            return raw;
        }
        try {
            MarkupOptions options = TagHandling.options(tagHandling, ignoreTags, splittingTags, nonSplittingTags);
            return texts.stream().mapToLong(t -> t == null ? 0
                    : MarkupDocument.read("text", t, options).characterCount()).sum();
        } catch (ApiException | InvalidMarkupException e) {
            return raw;
        }
    }
}
