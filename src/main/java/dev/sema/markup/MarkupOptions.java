package dev.sema.markup;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to read one request's markup. The three lists are XML's, with DeepL's meaning; element names compare
 * case-insensitively.
 *
 * @param format           HTML or XML
 * @param ignoreTags       XML elements copied verbatim, content included
 * @param splittingTags    XML elements that always end a sentence (blocks)
 * @param nonSplittingTags XML elements that never end one (inline: they travel with the words they wrap)
 */
public record MarkupOptions(MarkupFormat format, Set<String> ignoreTags, Set<String> splittingTags,
                            Set<String> nonSplittingTags) {

    public MarkupOptions {
        ignoreTags = lowerCase(ignoreTags);
        splittingTags = lowerCase(splittingTags);
        nonSplittingTags = lowerCase(nonSplittingTags);
    }

    public static MarkupOptions html() {
        return new MarkupOptions(MarkupFormat.HTML, Set.of(), Set.of(), Set.of());
    }

    public static MarkupOptions xml() {
        return new MarkupOptions(MarkupFormat.XML, Set.of(), Set.of(), Set.of());
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names == null ? Set.of() : names.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
