package dev.sema.models.hub;

import java.net.URI;

/**
 * What a {@code HEAD /{repo}/resolve/{commit}/{path}} says about one file.
 *
 * @param commit   {@code X-Repo-Commit}
 * @param etag     {@code X-Linked-Etag} (LFS: sha256 of the content) or {@code ETag} (git blob sha1), unquoted;
 *                 also the blob's file name in the cache
 * @param size     {@code X-Linked-Size} or {@code Content-Length} in bytes, -1 when unknown
 * @param location where the bytes are: the redirect target (a CDN, often another host) or the resolve URL
 */
record FileMetadata(String commit, String etag, long size, URI location) {
}
