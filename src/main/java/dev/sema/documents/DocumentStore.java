package dev.sema.documents;

import dev.sema.accounts.AccountsDatabase;
import dev.sema.accounts.Reservation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code documents} rows in the accounts database, as the API sees them: upload, status, result, deletion,
 * limits and retention. The job side (claims, parts, outcome) is {@link JobQueue}'s.
 */
public final class DocumentStore {

    static final String COLUMNS = "id, key_id, key_sha256, status, format, file_name, source_language,"
            + " target_language, segments_total, segments_done, billed_characters, reservation_id, reservation_day,"
            + " reserved, error, created_at, started_at, finished_at";

    private final AccountsDatabase db;

    public DocumentStore(AccountsDatabase db) {
        this.db = db;
    }

    /**
     * A new row: queued with its sealed original, wrapped key and glossary (null for none), or already failed with
     * none of them.
     */
    void insert(StoredDocument d, byte[] sealedOriginal, byte[] wrappedKey, DocumentGlossary glossary) {
        db.read(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO documents (" + COLUMNS
                    + ", original, wrapped_key, glossary_id, glossary_version, glossary_entries) VALUES (?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                insert.setString(++i, d.id());
                insert.setString(++i, d.keyId());
                insert.setString(++i, d.keySha256());
                insert.setString(++i, d.status().code());
                insert.setString(++i, d.format());
                insert.setString(++i, d.fileName());
                insert.setString(++i, d.sourceLanguage());
                insert.setString(++i, d.targetLanguage());
                insert.setInt(++i, d.segmentsTotal());
                insert.setInt(++i, d.segmentsDone());
                insert.setLong(++i, d.billedCharacters());
                Reservation r = d.reservation();
                insert.setString(++i, r == null ? null : r.id());
                insert.setObject(++i, r == null ? null : r.day());
                insert.setLong(++i, r == null ? 0 : r.characters());
                insert.setString(++i, d.error());
                insert.setObject(++i, d.createdAt());
                insert.setObject(++i, d.startedAt());
                insert.setObject(++i, d.finishedAt());
                insert.setBytes(++i, sealedOriginal);
                insert.setBytes(++i, wrappedKey);
                insert.setString(++i, glossary == null ? null : glossary.id());
                insert.setObject(++i, glossary == null ? null : glossary.version());
                insert.setBytes(++i, glossary == null ? null : glossary.sealedEntries());
                insert.executeUpdate();
            }
            return null;
        });
    }

    Optional<StoredDocument> find(String id) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM documents WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    /** The sealed result of a finished document, if it still has one. */
    Optional<byte[]> result(String id) {
        return db.read(c -> bytes(c, "SELECT result FROM documents WHERE id = ? AND status = 'done'", id));
    }

    /** @return whether the row was there */
    boolean delete(String id) {
        return db.read(c -> {
            try (PreparedStatement parts = c.prepareStatement("DELETE FROM document_parts WHERE document_id = ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM documents WHERE id = ?")) {
                parts.setString(1, id);
                parts.executeUpdate();
                delete.setString(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** Documents queued or translating: of one key ({@code keyId} non-null), of anonymous callers, or of all. */
    int countInFlight(String keyId, boolean allCallers) {
        String where = allCallers ? "" : keyId == null ? " AND key_id IS NULL" : " AND key_id = ?";
        return db.read(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM documents"
                    + " WHERE status IN ('queued', 'translating')" + where)) {
                if (!allCallers && keyId != null) {
                    count.setString(1, keyId);
                }
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    /** Documents uploaded before {@code cutoff}, whatever their state: retention's victims. */
    List<StoredDocument> uploadedBefore(OffsetDateTime cutoff) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM documents WHERE created_at < ?")) {
                select.setObject(1, cutoff);
                List<StoredDocument> out = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        out.add(read(row));
                    }
                }
                return out;
            }
        });
    }

    /** The reservations of documents still waiting or running. */
    List<String> liveReservations() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT reservation_id FROM documents"
                    + " WHERE status IN ('queued', 'translating') AND reservation_id IS NOT NULL");
                 ResultSet row = select.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (row.next()) {
                    ids.add(row.getString(1));
                }
                return ids;
            }
        });
    }

    static Optional<byte[]> bytes(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    static StoredDocument read(ResultSet row) throws SQLException {
        String reservationId = row.getString("reservation_id");
        Reservation reservation = reservationId == null ? null : new Reservation(reservationId,
                row.getString("key_id"), row.getObject("reservation_day", LocalDate.class), row.getLong("reserved"));
        return new StoredDocument(row.getString("id"), row.getString("key_id"), row.getString("key_sha256"),
                DocumentStatus.of(row.getString("status")), row.getString("format"), row.getString("file_name"),
                row.getString("source_language"), row.getString("target_language"), row.getInt("segments_total"),
                row.getInt("segments_done"), row.getLong("billed_characters"), reservation, row.getString("error"),
                row.getObject("created_at", OffsetDateTime.class), row.getObject("started_at", OffsetDateTime.class),
                row.getObject("finished_at", OffsetDateTime.class));
    }
}
