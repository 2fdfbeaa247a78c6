package it.dev.sema.documents;

import it.dev.sema.Http;
import it.dev.sema.accounts.Keys;
import it.dev.sema.cluster.Cluster;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two replicas on one PostgreSQL database: the replica translating a large document is killed (SIGKILL) mid-job and
 * the other finishes it from the last recorded part; the result is complete and the key is billed once. Stopped with
 * jobs queued (gracefully, then by SIGKILL) and started again, the replicas finish every job, each complete and
 * billed once. What the database holds of a document is ciphertext only.
 */
class DocumentsClusterIT {

    /** Base64 of 32 bytes: the key-encryption key both replicas share. */
    private static final String KEK = "c2VtYS1jbHVzdGVyLWRvY3VtZW50LWtlay0zMmJ5dGU=";

    @RegisterExtension
    static final Cluster CLUSTER = Cluster.of(2).with("SEMA_DOCUMENT_KEK", KEK)
            .with("SEMA_DOCUMENT_LEASE_S", "5").with("SEMA_DOCUMENT_POLL_MS", "200");

    private static final Duration DEADLINE = Duration.ofMinutes(4);

    /** Paragraphs of about 100 characters, each different, with a word to look for in the stored bytes. */
    private static String document(int paragraphs) {
        return IntStream.range(0, paragraphs).mapToObj(i -> "Paragraph " + i + " of the zebrafish manual says"
                        + " that every tank needs clean water and a quiet corner.")
                .collect(Collectors.joining("\n\n")) + "\n";
    }

    @Test
    void theOtherReplicaFinishesAKilledReplicasJobAndItIsBilledOnce() throws Exception {
        Keys.Key key = Keys.create(CLUSTER.replica(1), Keys.body("documents", ""));
        String text = document(4000);
        DocumentClient uploader = new DocumentClient(CLUSTER.replica(1));
        JsonObject receipt = uploader.upload("manual.txt", text.getBytes(StandardCharsets.UTF_8),
                Map.of("target_language", "fra_Latn", "source_language", "eng_Latn"),
                Map.of("Authorization", "Bearer " + key.secret())).expect(202).json();
        String id = receipt.getString("document_id");
        String documentKey = receipt.getString("document_key");

        String owner = awaitWorking(uploader, id, documentKey);
        int victim = replicaOwning(owner);
        int survivor = victim == 1 ? 2 : 1;
        JsonObject before = uploader.status(id, documentKey).expect(200).json();
        CLUSTER.kill(victim);

        DocumentClient other = new DocumentClient(CLUSTER.replica(survivor));
        JsonObject done = other.awaitEnd(receipt, DEADLINE);
        assertEquals("done", done.getString("status"), done::toString);
        assertTrue(before.getInt("segments_done") < before.getInt("segments_total"), "killed mid-job: " + before);
        assertEquals(4000, done.getInt("segments_total"));
        assertEquals(4000, done.getInt("segments_done"));
        long characters = text.lines().filter(l -> !l.isBlank()).mapToLong(String::length).sum();
        assertEquals(characters, done.getJsonNumber("billed_characters").longValue());
        assertEquals(text, other.result(id, documentKey).expect(200).text(), "complete, every part once");
        assertEquals(characters, Keys.charactersToday(CLUSTER.replica(survivor), key.id()), "billed once");
        assertEquals(0, count("SELECT COUNT(*) FROM quota_reservations WHERE key_id = ?", key.id()),
                "no reservation left behind");
        CLUSTER.start(victim);
    }

    /**
     * Jobs are queued on replica 1 running without document workers ({@code SEMA_DOCUMENT_WORKERS=0}, replica 2 down),
     * so that they are still waiting whatever the machine's speed; they survive its graceful restart (SIGTERM) and its
     * crash (SIGKILL), and once the replicas run with workers again every job finishes, complete and billed once.
     */
    @Test
    void jobsQueuedAcrossAStopAndACrashAllFinishWhenTheReplicasWorkAgain() throws Exception {
        Map<String, String> noWorkers = Map.of("SEMA_DOCUMENT_WORKERS", "0");
        CLUSTER.kill(2);
        CLUSTER.stop(1);
        boolean restored = false;
        try {
            CLUSTER.start(1, noWorkers);
            Keys.Key key = Keys.create(CLUSTER.replica(1), Keys.body("documents across restarts", ""));
            DocumentClient client = new DocumentClient(CLUSTER.replica(1));
            Map<String, String> texts = new LinkedHashMap<>();
            List<JsonObject> receipts = new ArrayList<>();
            for (int paragraphs : List.of(600, 20, 21, 22, 23)) {
                String text = document(paragraphs);
                JsonObject receipt = client.upload("queued-" + paragraphs + ".txt",
                        text.getBytes(StandardCharsets.UTF_8), Map.of("target_language", "fra_Latn",
                                "source_language", "eng_Latn"), Map.of("Authorization", "Bearer " + key.secret()))
                        .expect(202).json();
                receipts.add(receipt);
                texts.put(receipt.getString("document_id"), text);
            }
            CLUSTER.stop(1);
            CLUSTER.start(1, noWorkers);
            for (JsonObject receipt : receipts) {
                assertEquals("queued", client.status(receipt.getString("document_id"),
                        receipt.getString("document_key")).expect(200).json().getString("status"), "after SIGTERM");
            }
            CLUSTER.kill(1);
            String ids = texts.keySet().stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
            assertEquals(5, count("SELECT COUNT(*) FROM documents WHERE status = 'queued' AND id IN (" + ids
                    + ") AND key_id = ?", key.id()), "every job waits while no replica runs");

            CLUSTER.start(1);
            CLUSTER.start(2);
            restored = true;
            long characters = 0;
            for (JsonObject receipt : receipts) {
                String id = receipt.getString("document_id");
                JsonObject done = client.awaitEnd(receipt, DEADLINE);
                assertEquals("done", done.getString("status"), done::toString);
                long expected = texts.get(id).lines().filter(l -> !l.isBlank()).mapToLong(String::length).sum();
                assertEquals(expected, done.getJsonNumber("billed_characters").longValue(), done::toString);
                assertEquals(texts.get(id), client.result(id, receipt.getString("document_key")).expect(200).text(),
                        "complete, every part once");
                characters += expected;
            }
            assertEquals(characters, Keys.charactersToday(CLUSTER.replica(2), key.id()), "each billed once");
            assertEquals(0, count("SELECT COUNT(*) FROM quota_reservations WHERE key_id = ?", key.id()),
                    "no reservation left behind");
        } finally {
            if (!restored) { // the other tests get both replicas with their workers, whatever failed
                CLUSTER.kill(1);
                CLUSTER.start(1);
                CLUSTER.start(2);
            }
        }
    }

    @Test
    void theDatabaseHoldsNoPlaintext() throws Exception {
        String text = document(50);
        DocumentClient client = new DocumentClient(CLUSTER.replica(1));
        JsonObject queued = client.upload("manual.txt", text, "fra_Latn").expect(202).json();
        assertNoPlaintext("zebrafish");
        client.awaitEnd(queued, DEADLINE);
        assertNoPlaintext("zebrafish");
        // Before the download, the result is there, sealed; afterwards the row is gone.
        assertEquals(1, count("SELECT COUNT(*) FROM documents WHERE id = ? AND result IS NOT NULL"
                + " AND wrapped_key IS NULL AND original IS NULL", queued.getString("document_id")));
        assertEquals(text, client.result(queued.getString("document_id"), queued.getString("document_key"))
                .expect(200).text());
        assertEquals(0, count("SELECT COUNT(*) FROM documents WHERE id = ?", queued.getString("document_id")));
    }

    /** Every byte column and text column of both tables, read as text, lacks the word. */
    private static void assertNoPlaintext(String word) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = connect()) {
            for (String table : List.of("documents", "document_parts")) {
                try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + table);
                     ResultSet rows = select.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] value = rows.getBytes(i);
                            if (value != null && new String(value, StandardCharsets.ISO_8859_1).contains(word)) {
                                found.add(table + "." + rows.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "columns holding '" + word + "' in plain text");
    }

    /** Waits until a replica has recorded parts of the job, and returns the lease owner. */
    private static String awaitWorking(DocumentClient client, String id, String key) throws Exception {
        Instant end = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(end)) {
            JsonObject status = client.status(id, key).expect(200).json();
            assertFalse(status.getString("status").equals("done"), "finished before the kill: " + status);
            if (status.getInt("segments_done") > 0) {
                try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
                        "SELECT lease_owner FROM documents WHERE id = ?")) {
                    select.setString(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next() && row.getString(1) != null) {
                            return row.getString(1);
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        return fail("no replica started the job within " + DEADLINE);
    }

    /** The replica whose name (host:port) the lease owner starts with. */
    private static int replicaOwning(String owner) {
        for (int i = 1; i <= CLUSTER.size(); i++) {
            Http replica = CLUSTER.replica(i);
            int port = URI.create(replica.uri("/").toString()).getPort();
            if (owner.split(" ")[0].endsWith(":" + port)) {
                return i;
            }
        }
        return fail("lease owner " + owner + " is none of the replicas");
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(CLUSTER.jdbcUrl(), System.getProperty("pg.user"), "unused-with-trust");
    }
}
