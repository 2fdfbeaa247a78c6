package dev.sema.api.glossaries;

import dev.sema.api.error.RequestChecks;
import dev.sema.glossary.Dictionary;
import dev.sema.glossary.EntriesFormat;
import dev.sema.glossary.EntriesParser;
import dev.sema.languages.LanguageCatalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Glossary request bodies into domain values: languages resolved to canonical codes, entries parsed. Also DeepL's
 * glossary routes ({@code api/compat}) go through it, so the rules and errors are the same.
 */
public final class GlossaryRequests {

    static final int MAX_NAME = 200;

    private final LanguageCatalogue catalogue;

    public GlossaryRequests(LanguageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public String name(String name) {
        return RequestChecks.requireText("name", name, MAX_NAME);
    }

    /** @param required whether at least one dictionary must be given (on create) */
    public List<Dictionary> dictionaries(List<DictionaryRequest> requests, boolean required) {
        if (requests == null || requests.isEmpty()) {
            if (required) {
                throw RequestChecks.invalid(400, "invalid_request", "dictionaries",
                        "A glossary needs at least one dictionary.", "at least one dictionary");
            }
            return List.of();
        }
        List<Dictionary> dictionaries = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            DictionaryRequest request = RequestChecks.requireField("dictionaries[" + i + "]", requests.get(i));
            String field = "dictionaries[" + i + "].";
            String source = catalogue.require(field + "source_language",
                    RequestChecks.requireField(field + "source_language", request.sourceLanguage())).code();
            String target = catalogue.require(field + "target_language",
                    RequestChecks.requireField(field + "target_language", request.targetLanguage())).code();
            EntriesFormat format = request.entriesFormat() == null ? EntriesFormat.TSV
                    : EntriesFormat.parse(request.entriesFormat()).orElseThrow(() -> RequestChecks.invalid(400,
                    "invalid_request", field + "entries_format", "entries_format is 'tsv' or 'csv'.", "tsv or csv"));
            dictionaries.add(new Dictionary(source, target, EntriesParser.parse(
                    RequestChecks.requireField(field + "entries", request.entries()), format, field + "entries")));
        }
        return dictionaries;
    }

    /** Whether {@code dictionary} is for the pair the client named (codes, aliases or names). */
    boolean samePair(Dictionary dictionary, String source, String target) {
        return dictionary.sourceLanguage().equals(catalogue.require("source_language",
                RequestChecks.requireField("source_language", source)).code())
                && dictionary.targetLanguage().equals(catalogue.require("target_language",
                RequestChecks.requireField("target_language", target)).code());
    }

    static boolean merge(String mode) {
        if (mode == null || mode.equals("replace")) {
            return false;
        }
        if (mode.equals("merge")) {
            return true;
        }
        throw RequestChecks.invalid(400, "invalid_request", "dictionary_mode", "dictionary_mode is 'replace' or"
                + " 'merge'.", "replace or merge");
    }
}
