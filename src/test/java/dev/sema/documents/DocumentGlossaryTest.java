package dev.sema.documents;

import dev.sema.accounts.AccountsDatabase;
import dev.sema.failure.InvalidGlossaryException;
import dev.sema.glossary.Dictionary;
import dev.sema.glossary.Glossaries;
import dev.sema.glossary.Glossary;
import dev.sema.glossary.GlossaryEntry;
import dev.sema.glossary.Viewer;
import dev.sema.translation.Term;
import dev.sema.translation.Terminology;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document's copy of its glossary, on a real H2 accounts database: the terms are the version's at upload, whatever
 * the glossary becomes; the copy is sealed under the document's key; a glossary without the pair is refused naming it.
 */
class DocumentGlossaryTest {

    private final Glossaries glossaries = new Glossaries(migrated());
    private final Viewer owner = new Viewer("key_owner", false);
    private final byte[] key = DocumentCipher.newKey();

    /** An accounts database at the server's schema, as JobQueueTest has one. */
    private static AccountsDatabase migrated() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:document-glossaries-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        AccountsDatabase accounts = new AccountsDatabase(h2, 1);
        accounts.migrate();
        return accounts;
    }

    /** English to French terms, source then target. */
    private static Dictionary french(String... terms) {
        List<GlossaryEntry> entries = new ArrayList<>();
        for (int i = 0; i < terms.length; i += 2) {
            entries.add(new GlossaryEntry(terms[i], terms[i + 1]));
        }
        return new Dictionary("eng_Latn", "fra_Latn", entries);
    }

    @Test
    void theDocumentKeepsTheVersionItWasUploadedWith() {
        Glossary v1 = glossaries.create(owner, "Utilities", List.of(french("river", "rivière", "laptop", "portable")));
        DocumentGlossary copy = DocumentGlossary.take(glossaries, v1, "eng_Latn", "fra_Latn", key, "doc-1");
        glossaries.change(owner, v1.id(), null, List.of(french("river", "fleuve")), false);

        Terminology terms = copy.terms(glossaries, key, "doc-1").forPair("eng_Latn", "fra_Latn");
        assertEquals(List.of(new Term("river", "rivière"), new Term("laptop", "portable")),
                terms.find("The river took my laptop."));
        assertEquals(v1.id() + "@1/eng_Latn/fra_Latn", terms.identity(), "cached under the version it came from");
        assertEquals(1, copy.version());
        assertEquals(v1.id(), copy.id());

        glossaries.delete(owner, v1.id());
        assertEquals(2, copy.terms(glossaries, key, "doc-1").forPair("eng_Latn", "fra_Latn")
                .find("river and laptop").size(), "a deleted glossary's copy still serves its document");
    }

    @Test
    void theCopyIsSealedUnderTheDocumentsKey() {
        Glossary glossary = glossaries.create(owner, "Secret", List.of(french("zebrafish", "poisson-zèbre")));
        DocumentGlossary copy = DocumentGlossary.take(glossaries, glossary, "eng_Latn", "fra_Latn", key, "doc-2");
        assertFalse(new String(copy.sealedEntries(), StandardCharsets.ISO_8859_1).contains("zebrafish"));
        assertThrows(DocumentCipher.WrongKeyException.class,
                () -> copy.terms(glossaries, DocumentCipher.newKey(), "doc-2"));
        assertThrows(DocumentCipher.WrongKeyException.class, () -> copy.terms(glossaries, key, "another document"));
    }

    @Test
    void aGlossaryWithoutTheDocumentsPairIsRefusedNamingIt() {
        Glossary glossary = glossaries.create(owner, "One pair", List.of(french("river", "rivière")));
        InvalidGlossaryException refused = assertThrows(InvalidGlossaryException.class,
                () -> DocumentGlossary.take(glossaries, glossary, "eng_Latn", "deu_Latn", key, "doc-3"));
        assertTrue(refused.getMessage().contains("eng_Latn→deu_Latn"), refused.getMessage());
        assertEquals("glossary_id", refused.field());
    }
}
