package dev.sema.documents;

import dev.sema.accounts.Reservation;
import dev.sema.accounts.UsageLedger;
import dev.sema.detection.DetectionService;
import dev.sema.documents.format.DocumentFormat;
import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.FileSample;
import dev.sema.documents.format.UnreadableDocumentException;
import dev.sema.failure.DocumentRefusedException;
import dev.sema.failure.DocumentRefusedException.Reason;
import dev.sema.failure.InvalidMarkupException;
import dev.sema.failure.LanguageUndeterminedException;
import dev.sema.glossary.Glossaries;
import dev.sema.languages.Language;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.observability.SemaMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The documents use case as the API sees it: upload (format recognised by content, text extracted to reserve its
 * quota and count its parts, stored sealed under a fresh key), progress, result and deletion. A file that cannot be
 * read is accepted as a job that ended in {@code error} with the reason, so the client learns it the way it learns
 * every outcome. The translation itself is {@link JobRunner}'s, on whichever replica claims the job.
 */
@ApplicationScoped
public class Documents {

    /** Characters of the document's text the detector reads when no source language is given. */
    private static final int DETECTION_CHARACTERS = 2000;
    private static final int DETECTION_CANDIDATES = 3;

    private final DocumentsConfig config;
    private final DocumentFormats formats;
    private final DocumentStore store;
    private final KeyEncryptionKey kek;
    private final LanguageCatalogue catalogue;
    private final DetectionService detection;
    private final UsageLedger ledger;
    private final SemaMetrics metrics;
    private final Glossaries glossaries;
    private final Event<DocumentQueued> newJobs;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public Documents(DocumentsConfig config, DocumentFormats formats, DocumentStore store, KeyEncryptionKey kek,
                     LanguageCatalogue catalogue, DetectionService detection, UsageLedger ledger,
                     SemaMetrics metrics, Glossaries glossaries, Event<DocumentQueued> newJobs) {
        this.config = config;
        this.formats = formats;
        this.store = store;
        this.kek = kek;
        this.catalogue = catalogue;
        this.detection = detection;
        this.ledger = ledger;
        this.metrics = metrics;
        this.glossaries = glossaries;
        this.newJobs = newJobs;
    }

    /** For the CDI client proxy only. */
    protected Documents() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @throws DocumentRefusedException      too large, of no known format, or over the caller's or the queue's limit
     * @throws dev.sema.accounts.QuotaExceededException when the text does not fit the key's quota
     * @throws dev.sema.failure.InvalidGlossaryException when the glossary has no dictionary for the document's
     *                                                   pair (the source as given or detected)
     */
    public Receipt submit(Upload upload) {
        if (upload.bytes().length > config.maxBytes()) {
            throw new DocumentRefusedException(Reason.TOO_LARGE, "The document has " + upload.bytes().length
                    + " bytes; at most " + config.maxBytes() + " are accepted.");
        }
        DocumentFormat format = formats.recognise(new FileSample(upload.fileName(), upload.bytes()))
                .orElseThrow(() -> new DocumentRefusedException(Reason.UNSUPPORTED_TYPE, "The file is none of the"
                        + " supported types (" + String.join(", ", formats.names()) + ")."));
        Language target = catalogue.require("target_language", upload.target());
        Language source = upload.source() == null ? null : catalogue.require("source_language", upload.source());
        checkLimits(upload);
        byte[] key = DocumentCipher.newKey();
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        StoredDocument row = new StoredDocument(id, upload.key() == null ? null : upload.key().id(),
                DocumentKeys.sha256(key), DocumentStatus.QUEUED, format.name(), fileName(upload, format),
                source == null ? null : source.code(), target.code(), 0, 0, 0, null, null, now, null, null);
        List<DocumentPart> parts;
        Reading reading;
        try {
            parts = format.extract(upload.bytes());
            reading = Reading.of(parts);
        } catch (UnreadableDocumentException | InvalidMarkupException e) {
            return failed(row, key, e.getMessage());
        }
        String sourceCode = source != null ? source.code() : detect(reading.sample());
        DocumentGlossary glossary = upload.glossary() == null || sourceCode == null ? null
                : DocumentGlossary.take(glossaries, upload.glossary(), sourceCode, target.code(), key, id);
        long characters = reading.characters();
        Reservation reservation = upload.key() == null || characters == 0 ? null
                : ledger.reserve(upload.key(), characters, 0, lost -> ledger.settleAlone(lost, 0));
        StoredDocument queued = new StoredDocument(id, row.keyId(), row.keySha256(), DocumentStatus.QUEUED,
                row.format(), row.fileName(), sourceCode, row.targetLanguage(), parts.size(), 0, 0, reservation,
                null, now, null, null);
        try {
            store.insert(queued, DocumentCipher.seal(key, upload.bytes(), JobRunner.ORIGINAL + id), kek.wrap(key, id),
                    glossary);
        } catch (RuntimeException e) {
            if (reservation != null) {
                ledger.settleAlone(reservation, 0);
            }
            throw e;
        }
        newJobs.fire(new DocumentQueued(id));
        return new Receipt(id, DocumentKeys.encode(key), DocumentStatus.QUEUED);
    }

    private void checkLimits(Upload upload) {
        String keyId = upload.key() == null ? null : upload.key().id();
        if (store.countInFlight(keyId, false) >= config.perKeyInFlight()) {
            throw new DocumentRefusedException(Reason.TOO_MANY_IN_FLIGHT, "This caller already has "
                    + config.perKeyInFlight() + " documents waiting or being translated; retry when one is done.");
        }
        if (store.countInFlight(null, true) >= config.queueCapacity()) {
            throw new DocumentRefusedException(Reason.QUEUE_FULL, "The document queue is full; retry later.");
        }
    }

    private Receipt failed(StoredDocument row, byte[] key, String reason) {
        store.insert(new StoredDocument(row.id(), row.keyId(), row.keySha256(), DocumentStatus.ERROR, row.format(),
                row.fileName(), row.sourceLanguage(), row.targetLanguage(), 0, 0, 0, null, reason, row.createdAt(),
                null, row.createdAt()), null, null, null);
        metrics.recordDocument(row.format(), DocumentStatus.ERROR.code(), Duration.ZERO);
        return new Receipt(row.id(), DocumentKeys.encode(key), DocumentStatus.ERROR);
    }

    /**
     * The parts read once each, in turn (a markup part must parse now, not halfway through the job): the characters
     * they cost and the start of their text, for detecting the language; none is kept parsed.
     */
    private record Reading(long characters, String sample) {

        static Reading of(List<DocumentPart> parts) {
            long characters = 0;
            StringBuilder text = new StringBuilder();
            for (DocumentPart part : parts) {
                ReadPart read = ReadPart.of(part);
                characters += read.characters();
                if (text.length() < DETECTION_CHARACTERS) {
                    String t = read.text();
                    if (!t.isBlank()) {
                        text.append(text.isEmpty() ? "" : "\n").append(t);
                    }
                }
            }
            return new Reading(characters, text.length() <= DETECTION_CHARACTERS ? text.toString()
                    : text.substring(0, DETECTION_CHARACTERS));
        }
    }

    private String detect(String sample) {
        if (sample.isBlank()) {
            return null; // nothing to translate: the job passes the file through
        }
        return detection.identify(sample, DETECTION_CANDIDATES,
                LanguageUndeterminedException.Purpose.TRANSLATION_SOURCE).best().language().code();
    }

    /** @throws DocumentRefusedException UNKNOWN for an unknown id and for a key that is not the document's */
    public DocumentProgress progress(String id, String documentKey) {
        StoredDocument d = owned(id, documentKey);
        Long remaining = null;
        if (!d.status().inFlight()) {
            remaining = 0L;
        } else if (d.segmentsDone() > 0 && d.startedAt() != null) {
            double perPart = Duration.between(d.startedAt(), OffsetDateTime.now(clock)).toMillis()
                    / 1000.0 / d.segmentsDone();
            remaining = Math.round(perPart * (d.segmentsTotal() - d.segmentsDone()));
        }
        return new DocumentProgress(d, remaining);
    }

    /**
     * The translated file, opened with the client's key; deleted after this download if so configured.
     *
     * @throws DocumentRefusedException UNKNOWN as {@link #progress}, NOT_READY before it is done or after a failure
     */
    public DocumentResult result(String id, String documentKey) {
        StoredDocument d = owned(id, documentKey);
        if (d.status() != DocumentStatus.DONE) {
            throw new DocumentRefusedException(Reason.NOT_READY, d.status() == DocumentStatus.ERROR
                    ? "The document could not be translated: " + d.error()
                    : "The document is still " + d.status().code() + "; poll its status until it is done.");
        }
        byte[] sealed = store.result(id).orElseThrow(() -> unknown(id));
        byte[] bytes = DocumentCipher.open(DocumentKeys.decode(documentKey).orElseThrow(), sealed,
                JobRunner.RESULT + id);
        DocumentFormat format = formats.named(d.format()).orElseThrow(() -> unknown(id));
        if (config.deleteAfterDownload()) {
            store.delete(id);
        }
        return new DocumentResult(withLanguage(d.fileName(), d.targetLanguage()), format.contentType(), bytes);
    }

    /** Cancels a job that waits or runs (its quota released) or deletes a finished document. */
    public void delete(String id, String documentKey) {
        StoredDocument d = owned(id, documentKey);
        if (store.delete(id) && d.reservation() != null) {
            ledger.settleAlone(d.reservation(), 0);
        }
    }

    private StoredDocument owned(String id, String documentKey) {
        return DocumentKeys.decode(documentKey).flatMap(key -> store.find(id)
                        .filter(d -> DocumentKeys.matches(key, d.keySha256())))
                .orElseThrow(() -> unknown(id));
    }

    private static DocumentRefusedException unknown(String id) {
        return new DocumentRefusedException(Reason.UNKNOWN, "No document " + id + " with this Document-Key.");
    }

    /** The result's name: the upload's, with the target language before the extension ("report.fra_Latn.srt"). */
    static String withLanguage(String name, String language) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "." + language : name.substring(0, dot) + "." + language + name.substring(dot);
    }

    /** The upload's name made safe for a Content-Disposition header and the column. */
    private static String fileName(Upload upload, DocumentFormat format) {
        String name = upload.fileName() == null || upload.fileName().isBlank() ? "document." + format.name()
                : upload.fileName().replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
