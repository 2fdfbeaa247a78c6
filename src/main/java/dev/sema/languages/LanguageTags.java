package dev.sema.languages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How markup declares a language: the BCP 47 tag of a {@code lang} attribute and the writing direction of a
 * {@code dir} attribute. Tags are the shortest that stay unambiguous within the catalogue: {@code fr} for
 * {@code fra_Latn}; the script is added only where one code has several scripts ({@code zh-Hans}, {@code zh-Hant},
 * {@code ace-Arab}).
 */
public final class LanguageTags {

    /** English script names (CLDR, as the catalogue spells them) written right to left. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("Arabic", "Hebrew", "Syriac", "Thaana", "N’Ko", "Adlam",
            "Samaritan", "Mandaic");

    /** ISO 639-3 part of a code → its two-letter ISO 639-1 alias, where any language of that code has one. */
    private final Map<String, String> twoLetter = new HashMap<>();
    /** ISO 639-3 part of a code → how many catalogue languages share it. */
    private final Map<String, Integer> scripts = new HashMap<>();

    public LanguageTags(List<Language> languages) {
        for (Language l : languages) {
            String base = base(l.code());
            scripts.merge(base, 1, Integer::sum);
            l.aliases().stream().filter(a -> a.length() == 2 && a.chars().allMatch(Character::isLowerCase))
                    .findFirst().ifPresent(a -> twoLetter.putIfAbsent(base, a));
        }
    }

    /** The {@code lang} value for a language, e.g. {@code fr}, {@code zh-Hant}, {@code ace-Latn}, {@code kmr}. */
    public String tag(Language language) {
        String base = base(language.code());
        String primary = twoLetter.getOrDefault(base, base);
        return scripts.getOrDefault(base, 0) > 1 ? primary + "-" + language.code().substring(base.length() + 1)
                : primary;
    }

    public static boolean rightToLeft(Language language) {
        return RIGHT_TO_LEFT.contains(language.script());
    }

    private static String base(String code) {
        int underscore = code.indexOf('_');
        return underscore < 0 ? code : code.substring(0, underscore);
    }
}
