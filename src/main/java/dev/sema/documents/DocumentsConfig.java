package dev.sema.documents;

import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the documents service; defaults in {@code META-INF/microprofile-config.properties}.
 *
 * @param maxBytes            {@code sema.document-max-bytes}: largest upload (413 {@code document_too_large})
 * @param retention           {@code sema.document-retention} (seconds): a document, done or not, is deleted this long
 *                            after its upload
 * @param deleteAfterDownload {@code sema.document-delete-after-download}: the result can be downloaded once
 * @param perKeyInFlight      {@code sema.document-max-in-flight-per-key}: queued or translating documents of one
 *                            API key (anonymous callers count as one key)
 * @param queueCapacity       {@code sema.document-queue-capacity}: queued or translating documents of all callers
 * @param leaseTime           {@code sema.document-lease-s}: how long a replica's claim on a job lasts without being
 *                            renewed (renewed after every part); a replica that died leaves its job after this
 * @param workers             {@code sema.document-workers}: jobs this replica works on at once
 * @param pollInterval        {@code sema.document-poll-ms}: how often an idle worker looks for a job
 * @param kek                 {@code sema.document-kek} ({@code SEMA_DOCUMENT_KEK}): base64 of the 32-byte key that
 *                            wraps documents' keys while their jobs wait or run, shared by the replicas
 * @param dataDir             {@code SEMA_DATA_DIR} (server.xml's variable, else {@code sema.data-dir}): where a
 *                            generated key-encryption key is kept when none is configured
 */
public record DocumentsConfig(long maxBytes, Duration retention, boolean deleteAfterDownload, int perKeyInFlight,
                              int queueCapacity, Duration leaseTime, int workers, Duration pollInterval,
                              Optional<String> kek, Path dataDir) {

    public static DocumentsConfig from(Config config) {
        return new DocumentsConfig(
                config.getValue("sema.document-max-bytes", long.class),
                Duration.ofSeconds(config.getValue("sema.document-retention", long.class)),
                config.getValue("sema.document-delete-after-download", boolean.class),
                Math.max(1, config.getValue("sema.document-max-in-flight-per-key", int.class)),
                Math.max(1, config.getValue("sema.document-queue-capacity", int.class)),
                Duration.ofSeconds(Math.max(1, config.getValue("sema.document-lease-s", long.class))),
                Math.max(0, config.getValue("sema.document-workers", int.class)),
                Duration.ofMillis(Math.max(10, config.getValue("sema.document-poll-ms", long.class))),
                config.getOptionalValue("sema.document-kek", String.class).filter(s -> !s.isBlank()),
                // server.xml's SEMA_DATA_DIR variable (which Liberty offers as config), as the database's folder
                Path.of(config.getOptionalValue("SEMA_DATA_DIR", String.class)
                        .orElseGet(() -> config.getValue("sema.data-dir", String.class))));
    }
}
