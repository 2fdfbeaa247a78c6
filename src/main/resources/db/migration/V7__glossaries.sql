-- Glossaries (issue 21): named sets of per-language-pair dictionaries, owned by the API key that made them
-- (owner: the key id, or admin_token). version grows with every change and is part of the translation cache key,
-- so a changed glossary is never served translations made under its previous entries. A dictionary's entries are
-- kept as TSV, the format they are validated, exported and matched from; at most 10,000 entries of 200 characters.
CREATE TABLE glossaries (
    id         VARCHAR(40)              NOT NULL PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    owner      VARCHAR(64)              NOT NULL,
    version    INTEGER                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX glossaries_owner ON glossaries (owner);

CREATE TABLE glossary_dictionaries (
    glossary_id     VARCHAR(40) NOT NULL REFERENCES glossaries (id) ON DELETE CASCADE,
    source_language VARCHAR(16) NOT NULL,
    target_language VARCHAR(16) NOT NULL,
    entry_count     INTEGER     NOT NULL,
    entries         TEXT        NOT NULL,
    PRIMARY KEY (glossary_id, source_language, target_language)
);
