package dev.sema.documents;

import dev.sema.accounts.AccountsDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job side of the {@code documents} table, shared by the replicas. A replica claims a job by writing itself as
 * the lease owner with a conditional UPDATE that only succeeds while nobody holds a live lease: the database applies
 * it to one claimant only, on H2 as on PostgreSQL, where the candidates are also read {@code FOR UPDATE SKIP LOCKED}
 * so that replicas polling at once pick different jobs instead of racing for the first. Every later write of the
 * job is conditional on still owning the lease, so a replica that lost it (it stalled past the lease, or the
 * document was deleted) learns so at its next part and stops.
 */
public final class JobQueue {

    /** Candidates read per claim: a few, in case others claim the first ones meanwhile (H2). */
    private static final int CANDIDATES = 4;
    private static final String OWNED = " WHERE id = ? AND lease_owner = ? AND status = 'translating'";

    private final AccountsDatabase db;
    private final Clock clock;
    private final Duration leaseTime;

    public JobQueue(AccountsDatabase db, Clock clock, Duration leaseTime) {
        this.db = db;
        this.clock = clock;
        this.leaseTime = leaseTime;
    }

    /** A claimed job: its row, sealed original, wrapped key and glossary (null for none). */
    record Claim(StoredDocument document, byte[] sealedOriginal, byte[] wrappedKey, DocumentGlossary glossary) {
    }

    /** Claims the oldest job that waits, or whose owner's lease ran out (it died), for {@code owner}. */
    Optional<Claim> claim(String owner) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<String> claimed = db.transaction(c -> {
            for (String id : candidates(c, now)) {
                try (PreparedStatement update = c.prepareStatement("UPDATE documents SET status = 'translating',"
                        + " lease_owner = ?, lease_until = ?, started_at = COALESCE(started_at, ?) WHERE id = ?"
                        + " AND status IN ('queued', 'translating') AND (lease_until IS NULL OR lease_until < ?)")) {
                    update.setString(1, owner);
                    update.setObject(2, now.plus(leaseTime));
                    update.setObject(3, now);
                    update.setString(4, id);
                    update.setObject(5, now);
                    if (update.executeUpdate() == 1) {
                        return Optional.of(id);
                    }
                }
            }
            return Optional.<String>empty();
        }, () -> { });
        return claimed.flatMap(this::load);
    }

    private static List<String> candidates(Connection c, OffsetDateTime now) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM documents WHERE status IN ('queued',"
                + " 'translating') AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at FETCH FIRST "
                + (postgres ? "1 ROWS ONLY FOR UPDATE SKIP LOCKED" : CANDIDATES + " ROWS ONLY"))) {
            select.setObject(1, now);
            List<String> ids = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            return ids;
        }
    }

    private Optional<Claim> load(String id) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + DocumentStore.COLUMNS
                    + ", original, wrapped_key, glossary_id, glossary_version, glossary_entries FROM documents"
                    + " WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    DocumentGlossary glossary = row.getString("glossary_id") == null ? null : new DocumentGlossary(
                            row.getString("glossary_id"), row.getInt("glossary_version"),
                            row.getBytes("glossary_entries"));
                    return Optional.of(new Claim(DocumentStore.read(row), row.getBytes("original"),
                            row.getBytes("wrapped_key"), glossary));
                }
            }
        });
    }

    /** The sealed translations of the parts already finished, by index: a resumed job skips them. */
    Map<Integer, byte[]> finishedParts(String id) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT part_index, translation FROM document_parts"
                    + " WHERE document_id = ?")) {
                select.setString(1, id);
                Map<Integer, byte[]> parts = new HashMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        parts.put(row.getInt(1), row.getBytes(2));
                    }
                }
                return parts;
            }
        });
    }

    /**
     * Records finished parts and renews the lease, in one transaction.
     *
     * @param parts sealed translation and characters by part index
     * @return false when the lease is no longer the owner's (nothing recorded)
     */
    boolean recordParts(String id, String owner, Map<Integer, SealedPart> parts, int segmentsDone, long billed) {
        return db.transaction(c -> {
            try (PreparedStatement renew = c.prepareStatement("UPDATE documents SET lease_until = ?,"
                    + " segments_done = ?, billed_characters = ?" + OWNED)) {
                renew.setObject(1, OffsetDateTime.now(clock).plus(leaseTime));
                renew.setInt(2, segmentsDone);
                renew.setLong(3, billed);
                renew.setString(4, id);
                renew.setString(5, owner);
                if (renew.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO document_parts (document_id,"
                    + " part_index, translation, characters) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Integer, SealedPart> part : parts.entrySet()) {
                    insert.setString(1, id);
                    insert.setInt(2, part.getKey());
                    insert.setBytes(3, part.getValue().sealed());
                    insert.setLong(4, part.getValue().characters());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        }, () -> { });
    }

    /** Characters billed for the finished parts. */
    long partCharacters(String id) {
        return db.read(c -> {
            try (PreparedStatement sum = c.prepareStatement("SELECT COALESCE(SUM(characters), 0) FROM document_parts"
                    + " WHERE document_id = ?")) {
                sum.setString(1, id);
                try (ResultSet row = sum.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** A finished part's translation, sealed under the document's key, and the characters it was billed. */
    record SealedPart(byte[] sealed, long characters) {
    }

    /**
     * Ends the job as done: the sealed result stored; the wrapped key, the original and the parts erased, so that from
     * now on only the client's key opens anything of it.
     *
     * @return false when the lease is no longer the owner's
     */
    boolean complete(String id, String owner, byte[] sealedResult, long billed) {
        return end(id, owner, "done", sealedResult, billed, null);
    }

    /** Ends the job as failed, with a reason for people; erases everything but the row. */
    boolean fail(String id, String owner, String reason) {
        return end(id, owner, "error", null, -1, reason);
    }

    private boolean end(String id, String owner, String status, byte[] result, long billed, String error) {
        return db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE documents SET status = ?, result = ?,"
                    + " billed_characters = " + (billed < 0 ? "billed_characters" : "?") + ", error = ?,"
                    + " finished_at = ?, original = NULL, wrapped_key = NULL, glossary_entries = NULL,"
                    + " reservation_id = NULL,"
                    + " lease_owner = NULL, lease_until = NULL" + OWNED)) {
                int i = 0;
                update.setString(++i, status);
                update.setBytes(++i, result);
                if (billed >= 0) {
                    update.setLong(++i, billed);
                }
                update.setString(++i, error);
                update.setObject(++i, OffsetDateTime.now(clock));
                update.setString(++i, id);
                update.setString(++i, owner);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement parts = c.prepareStatement("DELETE FROM document_parts WHERE document_id = ?")) {
                parts.setString(1, id);
                parts.executeUpdate();
            }
            return true;
        }, () -> { });
    }

    /** Gives a job back to the queue at once (a transient failure such as the model reloading): tried again later. */
    void release(String id, String owner, Duration after) {
        db.read(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE documents SET lease_owner = NULL,"
                    + " lease_until = ?" + OWNED)) {
                update.setObject(1, OffsetDateTime.now(clock).plus(after));
                update.setString(2, id);
                update.setString(3, owner);
                update.executeUpdate();
            }
            return null;
        });
    }
}
