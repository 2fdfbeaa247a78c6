package dev.sema.languages;

import dev.sema.failure.UnknownRegionException;
import dev.sema.failure.UnsupportedLanguageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 202 NLLB-200 languages with names, regions, scripts and aliases, loaded once from
 * {@code languages/catalogue.json} (generated from CLDR, see {@code CatalogueGenerator} in the tests).
 * Every lookup answers with the canonical FLORES-200 code.
 */
@ApplicationScoped
public class LanguageCatalogue {

    public static final List<String> REGIONS = List.of("Africa", "Americas", "Asia", "Europe", "Middle East", "Oceania");
    static final String RESOURCE = "/languages/catalogue.json";
    private static final int MAX_SUGGESTIONS = 3;

    private final List<Language> languages;
    /** Lower-cased code, alias, English and native name → language; codes win over aliases over names. */
    private final Map<String, Language> byKey;

    public LanguageCatalogue() {
        this(load());
    }

    LanguageCatalogue(List<Language> languages) {
        this.languages = List.copyOf(languages);
        Map<String, Language> keys = new HashMap<>();
        languages.forEach(l -> keys.putIfAbsent(key(l.code()), l));
        languages.forEach(l -> l.aliases().forEach(a -> keys.putIfAbsent(key(a), l)));
        languages.forEach(l -> keys.putIfAbsent(key(l.name()), l));
        languages.forEach(l -> keys.putIfAbsent(key(l.nativeName()), l));
        this.byKey = Map.copyOf(keys);
    }

    public List<Language> all() {
        return languages;
    }

    /** Resolves a code, alias or name, case-insensitively; {@code swh-Latn} works like {@code swh_Latn}. */
    public Optional<Language> find(String codeOrAlias) {
        if (codeOrAlias == null || codeOrAlias.isBlank()) {
            return Optional.empty();
        }
        String key = key(codeOrAlias);
        return Optional.ofNullable(byKey.getOrDefault(key, byKey.get(key.replace('-', '_'))));
    }

    /**
     * Like {@link #find}, for a language the caller cannot do without.
     *
     * @param field the input that named it, reported with up to three suggestions when it is unknown
     * @throws UnsupportedLanguageException when no language matches
     */
    public Language require(String field, String codeOrAlias) {
        return find(codeOrAlias).orElseThrow(() -> new UnsupportedLanguageException(field, codeOrAlias,
                suggest(codeOrAlias)));
    }

    /** Up to three canonical codes a client may have meant, best first (e.g. {@code swa_Latn} → {@code swh_Latn}). */
    public List<String> suggest(String unknown) {
        return LanguageSearch.suggest(languages, byKey, unknown, MAX_SUGGESTIONS).stream().map(Language::code).toList();
    }

    public List<Language> popular() {
        return languages.stream().filter(Language::popular).toList();
    }

    public List<Language> african() {
        return languages.stream().filter(Language::african).toList();
    }

    /**
     * Languages of one region (case-insensitive).
     *
     * @throws UnknownRegionException if there are none
     */
    public List<Language> region(String region) {
        List<Language> found = languages.stream().filter(l -> l.region().equalsIgnoreCase(region.strip())).toList();
        if (found.isEmpty()) {
            throw new UnknownRegionException(region, REGIONS);
        }
        return found;
    }

    /** Ranked search (exact code > alias > name prefix > substring); the edge refuses queries too short to rank. */
    public List<Language> search(String query) {
        return LanguageSearch.search(languages, query);
    }

    public LanguageStats stats() {
        Map<String, Integer> byRegion = new LinkedHashMap<>();
        REGIONS.forEach(r -> byRegion.put(r, (int) languages.stream().filter(l -> l.region().equals(r)).count()));
        byRegion.values().removeIf(count -> count == 0);
        int scripts = (int) languages.stream().map(Language::script).distinct().count();
        return new LanguageStats(languages.size(), byRegion.size(), scripts, popular().size(), african().size(),
                byRegion);
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static List<Language> load() {
        try (InputStream in = LanguageCatalogue.class.getResourceAsStream(RESOURCE);
             JsonReader reader = Json.createReader(in);
             Jsonb jsonb = JsonbBuilder.create()) {
            String array = reader.readObject().getJsonArray("languages").toString();
            return List.of(jsonb.fromJson(array, Language[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
