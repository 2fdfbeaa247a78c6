package dev.sema.languages;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ranks languages against a free-text query: exact code, then alias, then name prefix, then substring
 * anywhere; ties keep catalogue order. Also proposes near misses for unknown codes.
 */
final class LanguageSearch {

    private static final int NO_MATCH = Integer.MAX_VALUE;
    private static final int MAX_CODE_DISTANCE = 3;

    private LanguageSearch() {
    }

    static List<Language> search(List<Language> languages, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return rankedStream(languages, q).toList();
    }

    /**
     * Up to {@code limit} suggestions for an unknown language: the language part resolved as an alias
     * ({@code swa_Latn} → {@code swh_Latn}), then search hits, then codes within a small edit distance.
     */
    static List<Language> suggest(List<Language> languages, Map<String, Language> byAlias, String unknown, int limit) {
        String q = unknown.strip().toLowerCase(Locale.ROOT);
        String languagePart = q.split("[_-]", 2)[0];
        Stream<Language> byLanguagePart = Stream.ofNullable(byAlias.get(languagePart));
        Stream<Language> ranked = q.length() >= 2 ? rankedStream(languages, q) : Stream.empty();
        Stream<Language> nearCodes = languages.stream()
                .filter(l -> distance(l.code().toLowerCase(Locale.ROOT), q) <= MAX_CODE_DISTANCE)
                .sorted(Comparator.comparingInt(l -> distance(l.code().toLowerCase(Locale.ROOT), q)));
        return Stream.of(byLanguagePart, ranked, nearCodes).flatMap(s -> s).distinct().limit(limit).toList();
    }

    private static Stream<Language> rankedStream(List<Language> languages, String q) {
        return languages.stream()
                .filter(l -> rank(l, q) != NO_MATCH)
                .sorted(Comparator.comparingInt(l -> rank(l, q)));
    }

    private static int rank(Language language, String q) {
        String code = language.code().toLowerCase(Locale.ROOT);
        String name = language.name().toLowerCase(Locale.ROOT);
        String nativeName = language.nativeName().toLowerCase(Locale.ROOT);
        List<String> aliases = language.aliases().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        if (code.equals(q)) {
            return 0;
        }
        if (aliases.contains(q)) {
            return 1;
        }
        if (name.startsWith(q) || nativeName.startsWith(q)) {
            return 2;
        }
        if (code.contains(q) || name.contains(q) || nativeName.contains(q) || aliases.stream().anyMatch(a -> a.contains(q))) {
            return 3;
        }
        return NO_MATCH;
    }

    /** Levenshtein distance; codes are 8 characters, so the quadratic table is tiny. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
