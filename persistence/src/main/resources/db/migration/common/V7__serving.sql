-- Serving: one deployment per model, and the prediction log.

-- A deployment goes with its model (a model is only ever deleted while it has no versions). The
-- canary and shadow versions must exist; NULL means none. The canary's version and percentage are
-- set together or not at all.
CREATE TABLE deployment (
    model_name             VARCHAR(63)  PRIMARY KEY REFERENCES ml_model (name) ON DELETE CASCADE,
    alias                  VARCHAR(63)  NOT NULL,
    canary_version         INTEGER,
    canary_percent         INTEGER,
    shadow_version         INTEGER,
    batch_max_size         INTEGER      NOT NULL,
    batch_max_delay_micros BIGINT       NOT NULL,
    cache_entries          INTEGER      NOT NULL,
    updated_by             VARCHAR(200) NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (model_name, canary_version) REFERENCES ml_model_version (model_name, version),
    FOREIGN KEY (model_name, shadow_version) REFERENCES ml_model_version (model_name, version),
    CHECK ((canary_version IS NULL AND canary_percent IS NULL)
        OR (canary_version IS NOT NULL AND canary_percent BETWEEN 1 AND 99))
);

-- Append-only, written in batches over JDBC, trimmed by age. The id (UUID, the same type on H2 and
-- PostgreSQL: 16 bytes rather than 36 characters on a table this large) makes a retried batch
-- harmless. No foreign key to the model: appends stay cheap, and a log outlives what it logged.
CREATE TABLE prediction_log (
    id             UUID             PRIMARY KEY,
    predicted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    model          VARCHAR(63)      NOT NULL,
    version        INTEGER          NOT NULL,
    route          VARCHAR(16)      NOT NULL,
    request_id     VARCHAR(200),
    inputs         VARCHAR(1000000) NOT NULL,
    outputs        VARCHAR(1000000) NOT NULL,
    latency_micros BIGINT           NOT NULL
);

CREATE INDEX prediction_log_model_time ON prediction_log (model, predicted_at);
-- Retention deletes by age across models.
CREATE INDEX prediction_log_time ON prediction_log (predicted_at);
