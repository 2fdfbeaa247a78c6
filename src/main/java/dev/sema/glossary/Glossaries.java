package dev.sema.glossary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sema.accounts.AccountsDatabase;
import dev.sema.failure.GlossaryNotFoundException;
import dev.sema.failure.InvalidGlossaryException;
import dev.sema.translation.Terminology;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Glossaries as the API manages and translation uses them: created, listed, changed and deleted on behalf of a
 * {@link Viewer}, and a {@link TermMatcher} per dictionary for the translation of a request. Matchers are
 * built once per glossary version and pair (a 10,000-entry trie takes a fraction of a second), so a glossary in
 * steady use costs one database read per request.
 */
public final class Glossaries {

    private final GlossaryStore store;
    private final Cache<String, TermMatcher> matchers = Caffeine.newBuilder().maximumSize(256).build();

    public Glossaries(AccountsDatabase database) {
        this.store = new GlossaryStore(database);
    }

    public Glossary create(Viewer viewer, String name, List<Dictionary> dictionaries) {
        requireDistinctPairs(dictionaries);
        OffsetDateTime now = now();
        Glossary glossary = new Glossary("g_" + UUID.randomUUID().toString().replace("-", ""), name, viewer.owner(), 1,
                now, now, dictionaries);
        store.insert(glossary);
        return glossary;
    }

    /** The viewer's glossaries (an admin's: all), oldest first. */
    public List<Glossary> list(Viewer viewer) {
        return store.list(viewer.admin() ? Optional.empty() : Optional.of(viewer.owner()));
    }

    /** @throws GlossaryNotFoundException when there is none, or the viewer may not see it */
    public Glossary get(Viewer viewer, String id) {
        return store.find(id).filter(viewer::sees).orElseThrow(() -> new GlossaryNotFoundException(id));
    }

    /**
     * Renames (when {@code name} is not null) and puts the given dictionaries: each replaces the glossary's
     * dictionary for its pair, or with {@code merge} adds its entries to it (a source term already there gets
     * the new target), a new pair is added either way. The version grows by one.
     */
    public Glossary change(Viewer viewer, String id, String name, List<Dictionary> dictionaries, boolean merge) {
        requireDistinctPairs(dictionaries);
        Glossary current = get(viewer, id);
        List<Dictionary> put = new ArrayList<>();
        for (Dictionary dictionary : dictionaries) {
            Optional<Dictionary> existing = current.dictionary(dictionary.sourceLanguage(), dictionary.targetLanguage());
            put.add(merge && existing.isPresent() ? merged(existing.get(), dictionary) : dictionary);
        }
        Map<String, Dictionary> all = new LinkedHashMap<>();
        current.dictionaries().forEach(d -> all.put(d.pair(), d));
        put.forEach(d -> all.put(d.pair(), d));
        Glossary changed = new Glossary(id, name == null ? current.name() : name, current.owner(),
                current.version() + 1, current.createdAt(), now(), List.copyOf(all.values()));
        if (!store.update(changed, put)) {
            throw new InvalidGlossaryException("glossary_id", "Glossary " + id + " changed at the same time;"
                    + " read it again and retry.", List.of());
        }
        return changed;
    }

    public void delete(Viewer viewer, String id) {
        get(viewer, id);
        if (!store.delete(id)) {
            throw new GlossaryNotFoundException(id);
        }
    }

    /**
     * The glossary's dictionary for a pair.
     *
     * @throws InvalidGlossaryException naming the pair when the glossary has no dictionary for it
     */
    public Dictionary dictionary(Glossary glossary, String source, String target) {
        return glossary.dictionary(source, target).orElseThrow(() -> new InvalidGlossaryException("glossary_id",
                "Glossary " + glossary.id() + " has no dictionary for " + source + "→" + target + ".",
                List.of("no dictionary for " + source + "→" + target)));
    }

    /**
     * The terms of the glossary's dictionary for a pair, as translation requires them.
     *
     * @throws InvalidGlossaryException naming the pair when the glossary has no dictionary for it
     */
    public Terminology terms(Glossary glossary, String source, String target) {
        return terms(glossary.identity(), dictionary(glossary, source, target));
    }

    /**
     * The terms of a dictionary kept apart from its glossary (a document's copy of the version it was uploaded
     * with), known by the identity of that version ({@link Glossary#identity(String, int)}).
     */
    public Terminology terms(String glossaryIdentity, Dictionary dictionary) {
        String identity = glossaryIdentity + "/" + dictionary.sourceLanguage() + "/" + dictionary.targetLanguage();
        return new DictionaryTerms(identity, matcher(glossaryIdentity, dictionary));
    }

    /**
     * The matcher of the glossary's dictionary for a pair.
     *
     * @throws InvalidGlossaryException naming the pair when the glossary has no dictionary for it
     */
    public TermMatcher matcher(Glossary glossary, String source, String target) {
        return matcher(glossary.identity(), dictionary(glossary, source, target));
    }

    private TermMatcher matcher(String glossaryIdentity, Dictionary dictionary) {
        return matchers.get(glossaryIdentity + "/" + dictionary.pair(), k -> new TermMatcher(dictionary.entries()));
    }

    private static Dictionary merged(Dictionary existing, Dictionary added) {
        Map<String, GlossaryEntry> entries = new LinkedHashMap<>();
        existing.entries().forEach(e -> entries.put(TermFolding.fold(e.source()), e));
        added.entries().forEach(e -> entries.put(TermFolding.fold(e.source()), e));
        if (entries.size() > EntriesParser.MAX_ENTRIES) {
            throw new InvalidGlossaryException("dictionaries", "Merged dictionary " + existing.pair() + " would have "
                    + entries.size() + " entries, more than " + EntriesParser.MAX_ENTRIES + ".",
                    List.of(entries.size() + " entries after merging"));
        }
        return new Dictionary(existing.sourceLanguage(), existing.targetLanguage(), List.copyOf(entries.values()));
    }

    private static void requireDistinctPairs(List<Dictionary> dictionaries) {
        long distinct = dictionaries.stream().map(Dictionary::pair).distinct().count();
        if (distinct < dictionaries.size()) {
            throw new InvalidGlossaryException("dictionaries", "Two dictionaries for the same language pair.",
                    List.of("one dictionary per language pair"));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
