package dev.sema.models.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The Hugging Face Hub cache layout, shared with {@code huggingface_hub} and every tool built on it:
 * <pre>
 * {cache}/models--{org}--{name}/blobs/{etag}                   file contents, named by sha256 (LFS) or git-sha1
 * {cache}/models--{org}--{name}/snapshots/{commit}/{path}      relative symlink to ../../blobs/{etag}
 * {cache}/models--{org}--{name}/refs/{revision}                the commit a branch or tag last resolved to
 * {cache}/models--{org}--{name}/.no_exist/{commit}/{path}      empty marker: the file does not exist at that commit
 * {cache}/.locks/models--{org}--{name}/{etag}.lock             guards one blob while it downloads
 * </pre>
 */
public final class HubCache {

    private static final Logger LOG = Logger.getLogger(HubCache.class.getName());
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\u0000]+");

    private final Path root;

    public HubCache(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    private Path repoDir(String repo) {
        return root.resolve(folderName(repo));
    }

    public Path blob(String repo, String etag) {
        return repoDir(repo).resolve("blobs").resolve(checkSegment(etag));
    }

    public Path snapshotDir(String repo, String commit) {
        return repoDir(repo).resolve("snapshots").resolve(checkSegment(commit));
    }

    public Path snapshotFile(String repo, String commit, String file) {
        return snapshotDir(repo, commit).resolve(checkRelative(file));
    }

    public Path lockFile(String repo, String etag) {
        return root.resolve(".locks").resolve(folderName(repo)).resolve(checkSegment(etag) + ".lock");
    }

    /** A snapshot entry counts only if it reads through to existing content (a dangling link does not). */
    public boolean hasFile(String repo, String commit, String file) {
        return Files.isRegularFile(snapshotFile(repo, commit, file));
    }

    public boolean knownMissing(String repo, String commit, String file) {
        return Files.exists(missingMarker(repo, commit, file));
    }

    public void markMissing(String repo, String commit, String file) {
        Path marker = missingMarker(repo, commit, file);
        io(() -> {
            Files.createDirectories(marker.getParent());
            try {
                Files.createFile(marker);
            } catch (FileAlreadyExistsException alreadyMarked) {
                // Two fetches racing to record the same absence agree; check-then-create would fail the loser.
            }
        });
    }

    private Path missingMarker(String repo, String commit, String file) {
        return repoDir(repo).resolve(".no_exist").resolve(checkSegment(commit)).resolve(checkRelative(file));
    }

    /** {@code refs/{revision}}: the commit a branch or tag pointed to when last resolved. */
    Path refFile(String repo, String revision) {
        return repoDir(repo).resolve("refs").resolve(checkRelative(revision));
    }

    public Optional<String> readRef(String repo, String revision) {
        Path ref = refFile(repo, revision);
        try {
            return Files.isRegularFile(ref)
                    ? Optional.of(Files.readString(ref, StandardCharsets.UTF_8).trim()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw unwritable(ref, e);
        }
    }

    public void writeRef(String repo, String revision, String commit) {
        Path ref = refFile(repo, revision);
        io(() -> {
            Files.createDirectories(ref.getParent());
            Path tmp = Files.createTempFile(ref.getParent(), ".ref", ".tmp");
            Files.writeString(tmp, commit, StandardCharsets.UTF_8);
            Files.move(tmp, ref, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    /**
     * Points the snapshot entry at the blob with a relative symlink, as {@code huggingface_hub} does, so the
     * cache folder can be moved or mounted elsewhere. Where symlinks are impossible (Windows without developer
     * mode, some network file systems) the blob is copied instead.
     */
    public Path link(String repo, String commit, String file, String etag) {
        Path entry = snapshotFile(repo, commit, file);
        Path blob = blob(repo, etag);
        io(() -> {
            Files.createDirectories(entry.getParent());
            // Built under a temporary name and renamed over the entry, so concurrent fetches never collide.
            Path tmp = entry.resolveSibling(".tmp-" + UUID.randomUUID());
            try {
                Files.createSymbolicLink(tmp, entry.getParent().relativize(blob));
            } catch (UnsupportedOperationException | FileSystemException e) {
                LOG.fine(() -> "symlinks unavailable (" + e + "), copying " + blob + " to " + entry);
                Files.copy(blob, tmp);
            }
            Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
        return entry;
    }

    public static String folderName(String repo) {
        if (repo == null || !REPO.matcher(repo).matches() || repo.contains("..")) {
            throw new IllegalArgumentException("'" + repo + "' is not a Hugging Face repository id (expected org/name)");
        }
        return "models--" + repo.replace("/", "--");
    }

    /** Rejects file names from the Hub or configuration that could escape the cache folder. */
    public static String checkRelative(String path) {
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("unsafe path in repository: '" + path + "'");
            }
        }
        return path;
    }

    private static String checkSegment(String name) {
        if (!SEGMENT.matcher(name).matches() || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("unsafe cache entry name: '" + name + "'");
        }
        return name;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw unwritable(root, e);
        }
    }

    static HubException unwritable(Path path, IOException cause) {
        return new HubException(HubException.Reason.CACHE_UNWRITABLE, "Cannot use the Hugging Face cache at " + path
                + " (" + cause + "). Check its permissions and free space, or set HF_HUB_CACHE to a writable folder.",
                cause);
    }
}
