package dev.sema.documents;

import dev.sema.accounts.AccountsUnavailableException;
import dev.sema.accounts.UsageLedger;
import dev.sema.documents.format.DocumentFormat;
import dev.sema.documents.format.DocumentPart;
import dev.sema.documents.format.UnreadableDocumentException;
import dev.sema.failure.InferenceTimeoutException;
import dev.sema.failure.ModelUnavailableException;
import dev.sema.failure.OverloadedException;
import dev.sema.failure.SemaException;
import dev.sema.glossary.Glossaries;
import dev.sema.languages.LanguageCatalogue;
import dev.sema.observability.SemaMetrics;
import dev.sema.languages.LanguageTags;
import dev.sema.translation.TermBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works one claimed job to its end: opens the original with the unwrapped document key, extracts the parts again
 * (extraction is deterministic), skips the parts a previous owner finished, translates the rest in runs of one kind,
 * recording each run with its lease renewed, then writes the file back, settles the quota and stores the sealed
 * result. Passing failures (model loading, overload, database away) give the job back to the queue; a file that
 * turns out unreadable ends it in {@code error}. The quota is settled before the job is marked done: a replica that
 * dies between the two leaves the job to another, whose settlement of the same reservation changes nothing.
 */
@ApplicationScoped
public class JobRunner {

    static final String ORIGINAL = "original:";
    static final String RESULT = "result:";
    static final String PART = "part:";
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    /**
     * Characters and parts of one translation call: the largest /translate/batch request (sema.max-characters,
     * sema.batch-max-texts), so the engine batches a document as well as it batches a client's batch (runs of 2,000
     * characters cost 58 % more than the same text in batch requests, docs/benchmarks.md), and progress is still
     * recorded every few seconds.
     */
    private static final int RUN_CHARACTERS = 5000;
    private static final int RUN_PARTS = 100;
    /** How long a job given back after a passing failure waits before it is tried again. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final JobQueue queue;
    private final KeyEncryptionKey kek;
    private final DocumentFormats formats;
    private final PartTranslator translator;
    private final UsageLedger ledger;
    private final LanguageCatalogue catalogue;
    private final SemaMetrics metrics;
    private final Glossaries glossaries;
    private final DocumentWaits waits;

    @Inject
    public JobRunner(JobQueue queue, KeyEncryptionKey kek, DocumentFormats formats, PartTranslator translator,
                     UsageLedger ledger, LanguageCatalogue catalogue, SemaMetrics metrics, Glossaries glossaries,
                     DocumentWaits waits) {
        this.queue = queue;
        this.kek = kek;
        this.formats = formats;
        this.translator = translator;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.metrics = metrics;
        this.glossaries = glossaries;
        this.waits = waits;
    }

    /** For the CDI client proxy only. */
    protected JobRunner() {
        this(null, null, null, null, null, null, null, null, null);
    }

    void run(JobQueue.Claim claim, String owner) {
        StoredDocument d = claim.document();
        byte[] key;
        try {
            key = kek.unwrap(claim.wrappedKey(), d.id());
        } catch (DocumentCipher.WrongKeyException e) {
            LOG.severe("document " + d.id() + " was wrapped with another key-encryption key than this server's:"
                    + " give every replica the same SEMA_DOCUMENT_KEK; the job is left to the others");
            queue.release(d.id(), owner, RETRY_AFTER.multipliedBy(6));
            return;
        }
        try {
            DocumentFormat format = formats.named(d.format()).orElseThrow(() -> new UnreadableDocumentException(
                    "This server cannot write " + d.format() + " files."));
            byte[] original = DocumentCipher.open(key, claim.sealedOriginal(), ORIGINAL + d.id());
            List<DocumentPart> parts = format.extract(original);
            TermBook terms = claim.glossary() == null ? TermBook.NONE
                    : claim.glossary().terms(glossaries, key, d.id());
            List<String> translations = translateParts(d, parts, key, owner, terms);
            if (translations == null) {
                return; // the lease was lost: the document was deleted, or another replica has the job now
            }
            String tag = new LanguageTags(catalogue.all()).tag(catalogue.require("target_language",
                    d.targetLanguage()));
            byte[] result = format.rebuild(original, translations, tag);
            long billed = queue.partCharacters(d.id()); // as recorded, whoever translated each part
            if (d.reservation() != null) {
                ledger.settleAlone(d.reservation(), billed);
            }
            if (queue.complete(d.id(), owner, DocumentCipher.seal(key, result, RESULT + d.id()), billed)) {
                metrics.recordDocument(d.format(), DocumentStatus.DONE.code(), since(d));
                waits.ended();
            }
        } catch (ModelUnavailableException | OverloadedException | InferenceTimeoutException
                 | AccountsUnavailableException e) {
            LOG.info("document " + d.id() + " given back to the queue: " + e.getMessage());
            queue.release(d.id(), owner, RETRY_AFTER);
        } catch (UnreadableDocumentException | SemaException e) {
            fail(d, owner, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "document " + d.id() + " failed", e);
            fail(d, owner, "The document could not be translated (an internal error; it was logged).");
        }
    }

    private void fail(StoredDocument d, String owner, String reason) {
        if (d.reservation() != null) {
            ledger.settleAlone(d.reservation(), 0);
        }
        if (queue.fail(d.id(), owner, reason)) {
            metrics.recordDocument(d.format(), DocumentStatus.ERROR.code(), since(d));
            waits.ended();
        }
    }

    /** @return every part's translation in order, or null when the lease was lost */
    private List<String> translateParts(StoredDocument d, List<DocumentPart> parts, byte[] key, String owner,
                                        TermBook terms) {
        Map<Integer, byte[]> finished = queue.finishedParts(d.id());
        String[] out = new String[parts.size()];
        finished.forEach((i, sealed) -> out[i] = new String(DocumentCipher.open(key, sealed, PART + d.id() + ":" + i),
                StandardCharsets.UTF_8));
        int done = finished.size();
        long billed = d.billedCharacters();
        int i = 0;
        while (i < parts.size()) {
            if (out[i] != null) {
                i++;
                continue;
            }
            Run run = run(parts, out, i);
            List<PartTranslator.Translated> translated = translator.translate(run.parts(), d.sourceLanguage(),
                    d.targetLanguage(), terms);
            Map<Integer, JobQueue.SealedPart> sealed = new LinkedHashMap<>();
            for (int k = 0; k < run.parts().size(); k++) {
                int index = run.start() + k;
                PartTranslator.Translated t = translated.get(k);
                out[index] = t.content();
                billed += t.characters();
                sealed.put(index, new JobQueue.SealedPart(DocumentCipher.seal(key,
                        t.content().getBytes(StandardCharsets.UTF_8), PART + d.id() + ":" + index), t.characters()));
            }
            done += run.parts().size();
            if (!queue.recordParts(d.id(), owner, sealed, done, billed)) {
                return null;
            }
            i = run.start() + run.parts().size();
        }
        return List.of(out);
    }

    /** Consecutive untranslated parts of one kind, each read once, the first of them at {@code start}. */
    private record Run(int start, List<ReadPart> parts) {
    }

    /**
     * The untranslated parts from {@code start} that share its kind, read in turn up to a run's size in the
     * characters the model reads (a paragraph's tags would make a run smaller than the batch request holding the
     * same text). Only one run's parts are held parsed at a time, however long the document.
     */
    private static Run run(List<DocumentPart> parts, String[] out, int start) {
        List<ReadPart> read = new ArrayList<>();
        long characters = 0;
        for (int i = start; i < parts.size() && out[i] == null && read.size() < RUN_PARTS
                && parts.get(i).kind() == parts.get(start).kind(); i++) {
            ReadPart part = ReadPart.of(parts.get(i));
            characters += part.characters();
            if (!read.isEmpty() && characters > RUN_CHARACTERS) {
                break; // read again as the next run's first
            }
            read.add(part);
        }
        return new Run(start, read);
    }

    private static Duration since(StoredDocument d) {
        return Duration.between(d.createdAt(), OffsetDateTime.now());
    }
}
