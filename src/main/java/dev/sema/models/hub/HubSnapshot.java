package dev.sema.models.hub;

import java.nio.file.Path;
import java.util.List;

/**
 * Files of one repository commit, present in the local Hub cache.
 *
 * @param repo     repository id ({@code org/name})
 * @param revision what was asked for (branch, tag or commit)
 * @param commit   the 40-hex commit it resolved to
 * @param dir      {@code snapshots/{commit}}: the files sit at their repository paths below it
 * @param files    the repository paths fetched for the selection
 */
public record HubSnapshot(String repo, String revision, String commit, Path dir, List<String> files) {

    public HubSnapshot {
        files = List.copyOf(files);
    }

    public Path file(String path) {
        return dir.resolve(HubCache.checkRelative(path));
    }
}
