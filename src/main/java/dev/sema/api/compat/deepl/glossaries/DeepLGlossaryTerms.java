package dev.sema.api.compat.deepl.glossaries;

import dev.sema.api.compat.ClientCodes;
import dev.sema.api.compat.deepl.DeepLCodes;
import dev.sema.api.error.RequestChecks;
import dev.sema.api.glossaries.DictionaryRequest;
import dev.sema.api.glossaries.GlossaryRequests;
import dev.sema.glossary.Dictionary;
import dev.sema.glossary.EntriesFormat;
import dev.sema.glossary.EntriesParser;
import dev.sema.glossary.Glossary;
import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Glossaries between DeepL's terms and Sema's: DeepL codes in ({@code en}, {@code EN-GB}, {@code sw}) to canonical
 * FLORES-200 codes, refused with Sema's suggestions when unknown; lower-case DeepL codes out, as DeepL answers them;
 * bodies checked by Sema's own {@link GlossaryRequests}, so the rules and line-numbered errors are the same.
 */
final class DeepLGlossaryTerms {

    private final LanguageCatalogue catalogue;
    private final DeepLCodes codes;
    private final GlossaryRequests requests;

    DeepLGlossaryTerms(LanguageCatalogue catalogue) {
        this.catalogue = catalogue;
        this.codes = new DeepLCodes(new ClientCodes(catalogue));
        this.requests = new GlossaryRequests(catalogue);
    }

    String name(String name) {
        return requests.name(name);
    }

    /** @param required whether at least one dictionary must be given (on create) */
    List<Dictionary> dictionaries(List<DeepLDictionaryRequest> dictionaries, boolean required) {
        return requests.dictionaries(dictionaries == null ? null : dictionaries.stream().map(this::sema).toList(),
                required);
    }

    /** One dictionary: v2's top-level fields, or the body of v3's PUT. */
    Dictionary dictionary(DeepLDictionaryRequest dictionary) {
        return dictionaries(List.of(dictionary), true).get(0);
    }

    /** The same dictionary in Sema's terms; an unknown DeepL code stays as given, for the refusal to name it. */
    private DictionaryRequest sema(DeepLDictionaryRequest d) {
        return d == null ? null : new DictionaryRequest(codes.flores(d.sourceLang()), codes.flores(d.targetLang()),
                d.entries(), d.entriesFormat());
    }

    /** The canonical code of a DeepL code; 400 with suggestions when there is no such language. */
    String language(String field, String deepL) {
        return catalogue.require(field, codes.flores(RequestChecks.requireField(field, deepL))).code();
    }

    /** The glossary's dictionary for a pair of DeepL codes; 404 when it has none. */
    Dictionary dictionary(Glossary glossary, String source, String target) {
        return glossary.dictionary(language("source_lang", source), language("target_lang", target))
                .orElseThrow(() -> RequestChecks.invalid(404, "not_found", "source_lang", "Glossary "
                        + glossary.id() + " has no dictionary for " + source + "→" + target + ".",
                        "no such dictionary"));
    }

    /** v2 sees a glossary by its first dictionary: the one a v2 client made, or the first of a v3 one. */
    DeepLGlossaryInfo v2(Glossary glossary) {
        Dictionary first = glossary.dictionaries().get(0);
        return new DeepLGlossaryInfo(glossary.id(), glossary.name(), true, code(first.sourceLanguage()),
                code(first.targetLanguage()), glossary.createdAt().toString(), first.entries().size());
    }

    DeepLMultilingualGlossaryInfo v3(Glossary glossary) {
        return new DeepLMultilingualGlossaryInfo(glossary.id(), glossary.name(), glossary.createdAt().toString(),
                glossary.dictionaries().stream().map(this::info).toList());
    }

    DeepLMultilingualGlossaryInfo.Dictionary info(Dictionary dictionary) {
        return new DeepLMultilingualGlossaryInfo.Dictionary(code(dictionary.sourceLanguage()),
                code(dictionary.targetLanguage()), dictionary.entries().size());
    }

    DeepLDictionaryEntries.Dictionary entries(Dictionary dictionary) {
        return new DeepLDictionaryEntries.Dictionary(code(dictionary.sourceLanguage()),
                code(dictionary.targetLanguage()), tsv(dictionary), EntriesFormat.TSV.code());
    }

    static String tsv(Dictionary dictionary) {
        return EntriesParser.write(dictionary.entries(), EntriesFormat.TSV);
    }

    /** Every ordered pair of two different languages, as DeepL lists its glossary pairs. */
    DeepLLanguagePairs pairs() {
        List<String> all = catalogue.all().stream().map(Language::code).map(this::code).toList();
        List<DeepLLanguagePairs.Pair> pairs = new ArrayList<>(all.size() * all.size());
        for (String source : all) {
            for (String target : all) {
                if (!source.equals(target)) {
                    pairs.add(new DeepLLanguagePairs.Pair(source, target));
                }
            }
        }
        return new DeepLLanguagePairs(pairs);
    }

    private String code(String flores) {
        return codes.source(flores).toLowerCase(Locale.ROOT);
    }
}
