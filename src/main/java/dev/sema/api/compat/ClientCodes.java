package dev.sema.api.compat;

import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.languages.LanguageTags;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language codes other clients speak, both ways: a catalogue language's short tag ({@code en}, {@code sw},
 * {@code zh-Hans}: ISO 639-1 where one exists, else ISO 639-3, with the script only where one code has several),
 * and back from such a tag, case-insensitively, falling back on everything the catalogue itself resolves (FLORES-200
 * codes, ISO 639-3, names), so a client may always name a language the way Sema does.
 */
public final class ClientCodes {

    private final LanguageCatalogue catalogue;
    private final LanguageTags tags;
    private final Map<String, Language> byTag = new HashMap<>();

    public ClientCodes(LanguageCatalogue catalogue) {
        this.catalogue = catalogue;
        this.tags = new LanguageTags(catalogue.all());
        for (Language language : catalogue.all()) {
            byTag.putIfAbsent(key(tags.tag(language)), language);
        }
    }

    /** The client code of a language, e.g. {@code sw} for {@code swh_Latn}, {@code zh-Hant} for {@code zho_Hant}. */
    public String tag(Language language) {
        return tags.tag(language);
    }

    /** The client code of a canonical FLORES-200 code, or the code itself where the catalogue lacks it. */
    public String tag(String floresCode) {
        return catalogue.find(floresCode).map(tags::tag).orElse(floresCode);
    }

    public Optional<Language> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Language tagged = byTag.get(key(code));
        return tagged != null ? Optional.of(tagged) : catalogue.find(code.strip());
    }

    /** A client code as Sema's, or unchanged for the service to refuse with its suggestions; null stays null. */
    public String flores(String code) {
        return code == null ? null : find(code).map(Language::code).orElse(code);
    }

    public LanguageCatalogue catalogue() {
        return catalogue;
    }

    private static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
