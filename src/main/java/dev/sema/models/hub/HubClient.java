package dev.sema.models.hub;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fetches the files a model needs from the Hugging Face Hub into the shared Hub cache, the way
 * {@code huggingface_hub} does, in pure Java.
 * <p>Network use: a pinned commit whose files are all cached needs no request at all. A branch or tag costs
 * one revision request (branches move), plus a {@code HEAD} and a transfer per file missing from the cache.
 * When the Hub cannot be reached or keeps failing (5xx), the last commit cached for the revision is used,
 * with a warning; 401 and 404 are reported even then, since they mean the configuration or access changed. With
 * {@code HF_HUB_OFFLINE} nothing touches the network.
 */
public final class HubClient {

    private static final Logger LOG = Logger.getLogger(HubClient.class.getName());
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final HubSettings settings;
    private final HubCache cache;
    private final HubHttp http;
    private final Retrier retrier;
    private final BlobDownloader downloader;

    public HubClient(HubSettings settings) {
        this(settings, HubHttp.newClient(settings));
    }

    public HubClient(HubSettings settings, HttpClient client) {
        this.settings = settings;
        this.cache = new HubCache(settings.cacheDir());
        this.http = new HubHttp(settings, client);
        this.retrier = new Retrier(settings.retry(), settings.endpoint());
        this.downloader = new BlobDownloader(http, retrier, settings, cache);
    }

    /** The commit {@code revision} points to on the Hub now: one small request, nothing downloaded. */
    public String remoteCommit(String repo, String revision) throws IOException {
        return http.revisionInfo(repo, revision).commit();
    }

    /**
     * @param revision branch, tag or 40-hex commit
     * @return the snapshot holding every selected file
     * @throws HubException with a message saying what to change
     */
    public HubSnapshot fetch(String repo, String revision, ModelFileSelection selection) {
        HubCache.folderName(repo);
        if (settings.offline()) {
            return fromCache(repo, revision, selection, "HF_HUB_OFFLINE is set");
        }
        if (COMMIT.matcher(revision).matches() && complete(repo, revision, selection)) {
            return snapshot(repo, revision, revision, selection);
        }
        RepoInfo info;
        try {
            info = retrier.run("resolving " + repo + "@" + revision, () -> http.revisionInfo(repo, revision));
        } catch (HubException e) {
            Optional<String> cached = cachedCommit(repo, revision).filter(c -> complete(repo, c, selection));
            // An outage should not take down a server whose model is cached; 401/404 mean the setup changed.
            boolean outage = e.reason() == HubException.Reason.UNREACHABLE
                    || e.reason() == HubException.Reason.HUB_ERROR;
            if (!outage || cached.isEmpty()) {
                throw e;
            }
            LOG.warning(() -> e.getMessage() + " Using the cached commit " + cached.get() + " of " + repo + "@"
                    + revision + " instead.");
            return snapshot(repo, revision, cached.get(), selection);
        }
        String commit = info.commit();
        List<String> files = selection.select(info.files(), repo, commit);
        selection.optional().stream().filter(f -> !info.files().contains(f))
                .forEach(f -> cache.markMissing(repo, commit, f));
        for (String file : files) {
            if (!cache.hasFile(repo, commit, file)) {
                FileMetadata meta = retrier.run("checking " + file + " in " + repo,
                        () -> http.metadata(repo, commit, file));
                downloader.ensure(repo, file, meta);
                cache.link(repo, commit, file, meta.etag());
            }
        }
        if (!revision.equals(commit)) {
            cache.writeRef(repo, revision, commit);
        }
        LOG.info(() -> repo + "@" + revision + " is commit " + commit + ", files in " + cache.snapshotDir(repo, commit));
        return new HubSnapshot(repo, revision, commit, cache.snapshotDir(repo, commit), files);
    }

    private HubSnapshot fromCache(String repo, String revision, ModelFileSelection selection, String why) {
        String commit = cachedCommit(repo, revision).orElseThrow(() -> new HubException(
                HubException.Reason.NOT_CACHED, why + " and the Hugging Face cache " + cache.root() + " has no "
                + "entry for " + repo + "@" + revision + " (looked for " + cache.refFile(repo, revision)
                + "). Download the model once with network access, or point sema.model-dir / sema.lid-model at a"
                + " local copy."));
        List<String> missing = selection.missingRequired(f -> cache.hasFile(repo, commit, f));
        if (!missing.isEmpty()) {
            throw new HubException(HubException.Reason.NOT_CACHED, why + " and " + String.join(", ", missing)
                    + " of " + repo + "@" + revision + " (" + selection.purpose() + ") is missing from the cache "
                    + cache.snapshotDir(repo, commit) + ". Download it once with network access, or point "
                    + "sema.model-dir / sema.lid-model at a local copy.");
        }
        return snapshot(repo, revision, commit, selection);
    }

    private Optional<String> cachedCommit(String repo, String revision) {
        return COMMIT.matcher(revision).matches() ? Optional.of(revision) : cache.readRef(repo, revision);
    }

    private boolean complete(String repo, String commit, ModelFileSelection selection) {
        return selection.satisfiedBy(f -> cache.hasFile(repo, commit, f), f -> cache.knownMissing(repo, commit, f));
    }

    /** The snapshot as cached; optional files count when present. */
    private HubSnapshot snapshot(String repo, String revision, String commit, ModelFileSelection selection) {
        List<String> files = Stream.concat(selection.required().stream(),
                selection.optional().stream().filter(f -> cache.hasFile(repo, commit, f))).toList();
        return new HubSnapshot(repo, revision, commit, cache.snapshotDir(repo, commit), files);
    }
}
