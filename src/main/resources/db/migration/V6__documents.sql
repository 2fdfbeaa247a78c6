-- Documents and their job queue, shared by every replica. Portable SQL: the same script runs on H2 and PostgreSQL.
-- original, result and each finished part are AES-GCM ciphertext under the document's own key, which the client
-- holds; wrapped_key is that key encrypted with the replicas' key-encryption key, present only while the job waits
-- or runs (any replica can then work it) and erased when it ends. key_sha256 checks a client's key without storing it.
CREATE TABLE documents (
    id                VARCHAR(36)              NOT NULL PRIMARY KEY,
    key_id            VARCHAR(40),
    key_sha256        CHAR(64)                 NOT NULL,
    wrapped_key       BYTEA,
    status            VARCHAR(12)              NOT NULL,
    format            VARCHAR(16)              NOT NULL,
    file_name         VARCHAR(255)             NOT NULL,
    source_language   VARCHAR(16),
    target_language   VARCHAR(16)              NOT NULL,
    original          BYTEA,
    result            BYTEA,
    segments_total    INTEGER                  NOT NULL,
    segments_done     INTEGER                  NOT NULL,
    billed_characters BIGINT                   NOT NULL,
    reservation_id    VARCHAR(36),
    reservation_day   DATE,
    reserved          BIGINT                   NOT NULL,
    error             VARCHAR(500),
    lease_owner       VARCHAR(300),
    lease_until       TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    CHECK (status IN ('queued', 'translating', 'done', 'error'))
);

CREATE INDEX documents_status ON documents (status, created_at);
CREATE INDEX documents_key ON documents (key_id, status);

-- The translation of each finished part, so that a replica taking over a job continues after the last one.
CREATE TABLE document_parts (
    document_id VARCHAR(36) NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    part_index  INTEGER     NOT NULL,
    translation BYTEA       NOT NULL,
    characters  BIGINT      NOT NULL,
    PRIMARY KEY (document_id, part_index)
);
