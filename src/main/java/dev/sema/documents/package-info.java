/**
 * Document translation: upload, a job queue in the accounts database that any replica works (leases, resumable
 * parts), AES-GCM storage under a per-document key, retention. The file formats are {@code documents.format}
 * beans, found through CDI.
 */
package dev.sema.documents;
