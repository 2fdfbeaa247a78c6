package dev.sema.documents;

import dev.sema.glossary.Dictionary;
import dev.sema.glossary.EntriesFormat;
import dev.sema.glossary.EntriesParser;
import dev.sema.glossary.Glossaries;
import dev.sema.glossary.Glossary;
import dev.sema.glossary.GlossaryEntry;
import dev.sema.translation.TermBook;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The glossary a document is translated with, as it was at upload: its id and version, and a copy of that version's
 * dictionary for the document's pair, sealed under the document's key like its text. Every part, on whichever
 * replica and however late, gets the same terms, so an edit (or deletion) of the glossary while the job waits or
 * runs never changes half a document.
 *
 * @param sealedEntries the dictionary's entries as TSV, sealed under the document's key
 */
record DocumentGlossary(String id, int version, byte[] sealedEntries) {

    private static final String ENTRIES = "glossary:";

    /**
     * @throws dev.sema.failure.InvalidGlossaryException naming the pair when the glossary has none for it
     */
    static DocumentGlossary take(Glossaries glossaries, Glossary glossary, String source, String target, byte[] key,
                                 String documentId) {
        Dictionary dictionary = glossaries.dictionary(glossary, source, target);
        byte[] entries = EntriesParser.write(dictionary.entries(), EntriesFormat.TSV).getBytes(StandardCharsets.UTF_8);
        return new DocumentGlossary(glossary.id(), glossary.version(),
                DocumentCipher.seal(key, entries, ENTRIES + documentId));
    }

    /** The copy's terms for the document's pair, opened with the document's key. */
    TermBook terms(Glossaries glossaries, byte[] key, String documentId) {
        List<GlossaryEntry> entries = EntriesParser.parse(new String(DocumentCipher.open(key, sealedEntries,
                ENTRIES + documentId), StandardCharsets.UTF_8), EntriesFormat.TSV, "glossary_id");
        String identity = Glossary.identity(id, version);
        return (source, target) -> glossaries.terms(identity, new Dictionary(source, target, entries));
    }
}
