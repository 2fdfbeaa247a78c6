package dev.sema.documents;

/** CDI event: a document was queued on this replica, so an idle worker here can start it at once. */
record DocumentQueued(String documentId) {
}
