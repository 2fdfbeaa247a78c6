package dev.sema.models.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Puts one file's bytes into {@code blobs/{etag}}: downloads into {@code {etag}.incomplete}, resumes it with a
 * {@code Range} request after a failure (in this attempt or an earlier run), checks the checksum, and only then
 * moves it into place, so a blob that exists is always complete and verified.
 */
final class BlobDownloader {

    private static final Logger LOG = Logger.getLogger(BlobDownloader.class.getName());

    private final HubHttp http;
    private final Retrier retrier;
    private final HubSettings settings;
    private final HubCache cache;

    BlobDownloader(HubHttp http, Retrier retrier, HubSettings settings, HubCache cache) {
        this.http = http;
        this.retrier = retrier;
        this.settings = settings;
        this.cache = cache;
    }

    void ensure(String repo, String file, FileMetadata meta) {
        Path blob = cache.blob(repo, meta.etag());
        if (Files.isRegularFile(blob)) {
            return;
        }
        try (BlobLock lock = BlobLock.acquire(cache.lockFile(repo, meta.etag()))) {
            if (Files.isRegularFile(blob)) {
                return; // another thread or process finished it while we waited
            }
            Files.createDirectories(blob.getParent());
            Path partial = blob.resolveSibling(blob.getFileName() + ".incomplete");
            long start = System.nanoTime();
            LOG.info(() -> "Downloading " + file + " (" + TransferProgress.size(meta.size()) + ") from " + repo);
            AtomicReference<URI> location = new AtomicReference<>(meta.location());
            retrier.run("downloading " + file + " from " + repo, () -> {
                try {
                    return transfer(repo, file, meta, location.get(), partial);
                } catch (LocationExpiredException e) {
                    location.set(http.metadata(repo, meta.commit(), file).location());
                    throw e;
                }
            }, () -> sizeOf(partial));
            verify(repo, file, meta, partial);
            moveIntoPlace(partial, blob);
            LOG.info(() -> String.format("Downloaded %s in %.1f s", file, (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            throw HubCache.unwritable(blob, e);
        }
    }

    /** One attempt: continue the partial file from its current length. */
    private Void transfer(String repo, String file, FileMetadata meta, URI location, Path partial)
            throws IOException {
        long offset = Files.exists(partial) ? Files.size(partial) : 0;
        if (meta.size() >= 0 && offset > meta.size()) {
            Files.delete(partial);
            offset = 0;
        }
        if (meta.size() > 0 && offset == meta.size()) {
            return null;
        }
        HttpResponse<InputStream> response = http.open(location, offset, repo, file);
        try (InputStream body = response.body()) {
            if (response.statusCode() == 416 || (response.statusCode() == 206 && rangeStart(response) != offset)) {
                Files.deleteIfExists(partial);
                throw new IOException("the server did not accept resuming at byte " + offset + "; restarting");
            }
            boolean append = response.statusCode() == 206;
            if (append) {
                long resumedAt = offset;
                LOG.info(() -> "Resuming " + file + " at byte " + resumedAt);
            }
            copy(body, partial, append, append ? offset : 0, meta, file);
        }
        long written = Files.size(partial);
        if (meta.size() >= 0 && written != meta.size()) {
            throw new IOException("connection ended after " + written + " of " + meta.size() + " bytes");
        }
        return null;
    }

    private void copy(InputStream body, Path partial, boolean append, long offset, FileMetadata meta, String file)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
             StallGuard guard = new StallGuard(body, settings.stallTimeout())) {
            TransferProgress progress = new TransferProgress(file, meta.size(), offset,
                    settings.progressInterval(), System::nanoTime);
            byte[] buffer = new byte[1 << 16];
            for (int n = read(body, buffer, guard); n >= 0; n = read(body, buffer, guard)) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    // A full disk is not a network failure: retrying would not help, and the advice differs.
                    throw HubCache.unwritable(partial, e);
                }
                guard.progressed();
                progress.advance(n);
            }
            if (guard.fired()) {
                throw stalled();
            }
        }
    }

    private int read(InputStream body, byte[] buffer, StallGuard guard) throws IOException {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw guard.fired() ? stalled() : e;
        }
    }

    private IOException stalled() {
        return new IOException("no data for " + settings.stallTimeout().toSeconds()
                + " s (sema.hub-stall-timeout-s); resuming");
    }

    private void verify(String repo, String file, FileMetadata meta, Path partial) throws IOException {
        Optional<String> actual = BlobChecksum.mismatch(partial, meta.etag());
        if (actual.isPresent()) {
            Files.deleteIfExists(partial);
            String algorithm = meta.etag().length() == 64 ? "sha256" : "git sha1";
            throw new HubException(HubException.Reason.CHECKSUM_MISMATCH, "Downloaded " + file + " from " + repo
                    + " is corrupt: expected " + algorithm + " " + meta.etag() + " but got " + actual.get()
                    + ". The corrupt download was deleted; the next attempt fetches it again. If this repeats, a "
                    + "proxy or mirror (HF_ENDPOINT) is altering the file.");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long rangeStart(HttpResponse<?> response) {
        // Content-Range: bytes 1048576-3145727/3145728
        return HubHttp.header(response, "Content-Range").map(v -> v.replaceFirst("^bytes\\s+(\\d+)-.*$", "$1"))
                .filter(v -> v.matches("\\d+")).map(Long::parseLong).orElse(-1L);
    }

    private static void moveIntoPlace(Path partial, Path blob) throws IOException {
        try {
            Files.move(partial, blob, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, blob, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
