package dev.sema.glossary;

import dev.sema.accounts.AccountsDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code glossaries} and {@code glossary_dictionaries} tables of the accounts database (migration V7). */
final class GlossaryStore {

    private final AccountsDatabase db;

    GlossaryStore(AccountsDatabase db) {
        this.db = db;
    }

    void insert(Glossary glossary) {
        db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO glossaries (id, name, owner, version,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, glossary.id());
                insert.setString(2, glossary.name());
                insert.setString(3, glossary.owner());
                insert.setInt(4, glossary.version());
                insert.setObject(5, glossary.createdAt());
                insert.setObject(6, glossary.updatedAt());
                insert.executeUpdate();
            }
            for (Dictionary dictionary : glossary.dictionaries()) {
                putDictionary(c, glossary.id(), dictionary);
            }
            return null;
        }, () -> { });
    }

    /** Every glossary, or those of {@code owner}; dictionaries with their entries. */
    List<Glossary> list(Optional<String> owner) {
        return db.read(c -> {
            List<Glossary> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM glossaries"
                    + (owner.isPresent() ? " WHERE owner = ?" : "") + " ORDER BY created_at, id")) {
                if (owner.isPresent()) {
                    select.setString(1, owner.get());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        one(c, rows.getString(1)).ifPresent(found::add);
                    }
                }
            }
            return found;
        });
    }

    Optional<Glossary> find(String id) {
        return db.read(c -> one(c, id));
    }

    /** Writes {@code changed} (same id, version one more than stored) in one transaction; false if it vanished. */
    boolean update(Glossary changed, List<Dictionary> replaced) {
        return db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE glossaries SET name = ?, version = ?,"
                    + " updated_at = ? WHERE id = ? AND version = ?")) {
                update.setString(1, changed.name());
                update.setInt(2, changed.version());
                update.setObject(3, changed.updatedAt());
                update.setString(4, changed.id());
                update.setInt(5, changed.version() - 1);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            for (Dictionary dictionary : replaced) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM glossary_dictionaries"
                        + " WHERE glossary_id = ? AND source_language = ? AND target_language = ?")) {
                    delete.setString(1, changed.id());
                    delete.setString(2, dictionary.sourceLanguage());
                    delete.setString(3, dictionary.targetLanguage());
                    delete.executeUpdate();
                }
                putDictionary(c, changed.id(), dictionary);
            }
            return true;
        }, () -> { });
    }

    boolean delete(String id) {
        return db.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM glossaries WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() > 0;
            }
        }, () -> { });
    }

    private static void putDictionary(Connection c, String id, Dictionary dictionary) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO glossary_dictionaries (glossary_id,"
                + " source_language, target_language, entry_count, entries) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, dictionary.sourceLanguage());
            insert.setString(3, dictionary.targetLanguage());
            insert.setInt(4, dictionary.entries().size());
            insert.setString(5, EntriesParser.write(dictionary.entries(), EntriesFormat.TSV));
            insert.executeUpdate();
        }
    }

    private static Optional<Glossary> one(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name, owner, version, created_at, updated_at"
                + " FROM glossaries WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Glossary(id, row.getString(1), row.getString(2), row.getInt(3),
                        row.getObject(4, OffsetDateTime.class), row.getObject(5, OffsetDateTime.class),
                        dictionaries(c, id)));
            }
        }
    }

    private static List<Dictionary> dictionaries(Connection c, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT source_language, target_language, entries"
                + " FROM glossary_dictionaries WHERE glossary_id = ? ORDER BY source_language, target_language")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                List<Dictionary> dictionaries = new ArrayList<>();
                while (rows.next()) {
                    dictionaries.add(new Dictionary(rows.getString(1), rows.getString(2),
                            EntriesParser.parse(rows.getString(3), EntriesFormat.TSV, "entries")));
                }
                return dictionaries;
            }
        }
    }
}
