package dev.sema.api.markup;

import dev.sema.api.error.RequestChecks;
import dev.sema.markup.MarkupFormat;
import dev.sema.markup.MarkupOptions;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The request fields {@code tag_handling}, {@code ignore_tags}, {@code splitting_tags} and
 * {@code non_splitting_tags} as {@link MarkupOptions}, each refusal a 400 {@code invalid_value} naming the field.
 */
public final class TagHandling {

    /** Most element names in one list: more is not a document's vocabulary but a way to spend the server's time. */
    static final int MAX_NAMES = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]{0,99}");

    private TagHandling() {
    }

    /** @return null for plain text (no {@code tag_handling}) */
    public static MarkupOptions options(String tagHandling, List<String> ignoreTags, List<String> splittingTags,
                                        List<String> nonSplittingTags) {
        if (tagHandling == null) {
            return null;
        }
        MarkupFormat format = switch (tagHandling.strip().toLowerCase(Locale.ROOT)) {
            case "html" -> MarkupFormat.HTML;
            case "xml" -> MarkupFormat.XML;
            default -> throw invalid("tag_handling", "\"html\" or \"xml\"");
        };
        return new MarkupOptions(format, names("ignore_tags", ignoreTags, format),
                names("splitting_tags", splittingTags, format), names("non_splitting_tags", nonSplittingTags, format));
    }

    private static Set<String> names(String field, List<String> names, MarkupFormat format) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        if (format != MarkupFormat.XML) {
            throw invalid(field, "absent unless tag_handling is \"xml\"");
        }
        if (names.size() > MAX_NAMES) {
            throw invalid(field, "at most " + MAX_NAMES + " element names");
        }
        Set<String> valid = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !NAME.matcher(name).matches()) {
                throw invalid(field + "[" + i + "]", "an XML element name");
            }
            valid.add(name);
        }
        return valid;
    }

    private static RuntimeException invalid(String field, String expected) {
        return RequestChecks.invalid(400, "invalid_value", field, "Field '" + field + "' must be " + expected + ".",
                expected);
    }
}
