package dev.sema.models.hub;

import java.util.List;

/**
 * What {@code /api/models/{repo}/revision/{revision}} says about a revision.
 *
 * @param commit the 40-hex commit the revision points to ({@code sha})
 * @param files  every file path in the repository at that commit ({@code siblings[].rfilename})
 */
record RepoInfo(String commit, List<String> files) {
}
