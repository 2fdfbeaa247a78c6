package dev.sema.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sema.accounts.AccountsDatabase;
import dev.sema.failure.GlossaryNotFoundException;
import dev.sema.failure.InvalidGlossaryException;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Glossaries on a real H2 accounts database, migrated by Flyway to V7 as the server does. */
class GlossariesTest {

    private final Glossaries glossaries = new Glossaries(database());
    private final Viewer owner = new Viewer("key_owner", false);
    private final Viewer other = new Viewer("key_other", false);
    private final Viewer admin = new Viewer("admin_token", true);

    private static AccountsDatabase database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:glossaries-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        AccountsDatabase database = new AccountsDatabase(h2, 7);
        database.migrate();
        return database;
    }

    private static Dictionary dictionary(String tsv) {
        return new Dictionary("eng_Latn", "fra_Latn", EntriesParser.parse(tsv, EntriesFormat.TSV, "entries"));
    }

    @Test
    void storedGlossariesComeBackWhole() {
        Glossary created = glossaries.create(owner, "Utilities", List.of(dictionary("Kenya Power\tKenya Power\nlaptop\tordinateur portable")));
        Glossary read = glossaries.get(owner, created.id());
        assertEquals(created.dictionaries(), read.dictionaries());
        assertEquals(1, read.version());
        assertEquals(List.of(created.id()), glossaries.list(owner).stream().map(Glossary::id).toList());
        assertEquals(List.of(), glossaries.list(other));
        assertTrue(glossaries.list(admin).stream().anyMatch(g -> g.id().equals(created.id())));
        assertThrows(GlossaryNotFoundException.class, () -> glossaries.get(other, created.id()));
    }

    @Test
    void mergeReplacesTermsByFoldedSourceAndReplaceSwapsTheDictionary() {
        Glossary created = glossaries.create(owner, "G", List.of(dictionary("laptop\tordinateur portable\ngrid\tréseau")));
        Glossary merged = glossaries.change(owner, created.id(), null, List.of(dictionary("LAPTOP\tportable\nbill\tfacture")), true);
        assertEquals(2, merged.version());
        assertEquals(List.of(new GlossaryEntry("LAPTOP", "portable"), new GlossaryEntry("grid", "réseau"),
                new GlossaryEntry("bill", "facture")), glossaries.get(owner, created.id()).dictionaries().get(0).entries());
        Glossary replaced = glossaries.change(owner, created.id(), "Renamed", List.of(dictionary("meter\tcompteur")), false);
        assertEquals("Renamed", glossaries.get(owner, created.id()).name());
        assertEquals(List.of(new GlossaryEntry("meter", "compteur")), glossaries.get(owner, created.id()).dictionaries().get(0).entries());
        assertEquals(3, replaced.version());
    }

    @Test
    void matchersAreCachedPerVersionAndAMissingPairIsNamed() {
        Glossary created = glossaries.create(owner, "G", List.of(dictionary("river\trivière")));
        TermMatcher first = glossaries.matcher(created, "eng_Latn", "fra_Latn");
        assertSame(first, glossaries.matcher(glossaries.get(owner, created.id()), "eng_Latn", "fra_Latn"));
        InvalidGlossaryException e = assertThrows(InvalidGlossaryException.class,
                () -> glossaries.matcher(created, "eng_Latn", "deu_Latn"));
        assertTrue(e.getMessage().contains("eng_Latn→deu_Latn"), e.getMessage());
    }

    @Test
    void deletedGlossariesAreGoneAndOnlyTheirOwnerMayDeleteThem() {
        Glossary created = glossaries.create(owner, "G", List.of(dictionary("river\trivière")));
        assertThrows(GlossaryNotFoundException.class, () -> glossaries.delete(other, created.id()));
        glossaries.delete(owner, created.id());
        assertThrows(GlossaryNotFoundException.class, () -> glossaries.get(owner, created.id()));
    }
}
