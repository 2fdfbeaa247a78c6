-- API keys, quota counters and in-flight reservations. Portable SQL: the same script runs on H2 and PostgreSQL.

-- One row per key, never deleted (a revoked key keeps its usage history). Only the secret's SHA-256 is stored.
CREATE TABLE api_keys (
    id                   VARCHAR(40)              NOT NULL PRIMARY KEY,
    name                 VARCHAR(200)             NOT NULL,
    secret_sha256        CHAR(64)                 NOT NULL UNIQUE,
    display_prefix       VARCHAR(16)              NOT NULL,
    requests_per_minute  BIGINT,
    requests_per_hour    BIGINT,
    characters_per_day   BIGINT,
    characters_per_month BIGINT,
    enabled              BOOLEAN                  NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at         TIMESTAMP WITH TIME ZONE,
    revoked_at           TIMESTAMP WITH TIME ZONE
);

-- Usage per key and UTC period: period 'D' rows (one per day) are also the history the admin API reports,
-- period 'M' rows hold the calendar month. characters/requests are what was served; reserved is held by requests
-- in flight. A quota check is one conditional UPDATE of such a row, so concurrent requests on any number of
-- servers can never take more than the limit.
CREATE TABLE key_usage (
    key_id       VARCHAR(40) NOT NULL REFERENCES api_keys (id),
    period       CHAR(1)     NOT NULL,
    period_start DATE        NOT NULL,
    characters   BIGINT      NOT NULL,
    reserved     BIGINT      NOT NULL,
    requests     BIGINT      NOT NULL,
    PRIMARY KEY (key_id, period, period_start),
    CHECK (period IN ('D', 'M')),
    CHECK (characters >= 0 AND reserved >= 0 AND requests >= 0)
);

-- One row per request in flight. Settling or releasing deletes it first, so a retried settle counts nothing twice.
CREATE TABLE quota_reservations (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    key_id     VARCHAR(40)              NOT NULL REFERENCES api_keys (id),
    day_start  DATE                     NOT NULL,
    characters BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX quota_reservations_created ON quota_reservations (created_at);
