-- Monitoring: ground truth for logged predictions, and the history of monitoring runs.

-- One truth per prediction row; a correction replaces the row. No foreign key to prediction_log:
-- the log is written asynchronously (a label may arrive before its prediction is flushed) and is
-- trimmed by age (a label may outlive its prediction). The label and number columns are not called
-- "value": that is a keyword in H2.
CREATE TABLE prediction_feedback (
    prediction_id UUID             NOT NULL,
    row_index     INTEGER          NOT NULL,
    model         VARCHAR(63)      NOT NULL,
    label         VARCHAR(200),
    numeric_value DOUBLE PRECISION,
    given_by      VARCHAR(200)     NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (prediction_id, row_index),
    CHECK (row_index >= 0),
    CHECK ((label IS NULL) <> (numeric_value IS NULL))
);

CREATE INDEX prediction_feedback_model_time ON prediction_feedback (model, received_at);

-- One row per monitoring run, gone with its model.
CREATE TABLE monitoring_snapshot (
    id                  UUID             PRIMARY KEY,
    model_name          VARCHAR(63)      NOT NULL REFERENCES ml_model (name) ON DELETE CASCADE,
    version             INTEGER          NOT NULL,
    computed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    window_from         TIMESTAMP WITH TIME ZONE NOT NULL,
    window_to           TIMESTAMP WITH TIME ZONE NOT NULL,
    row_count           BIGINT           NOT NULL,
    share_drifted       DOUBLE PRECISION NOT NULL,
    dataset_drifted     BOOLEAN          NOT NULL,
    labelled_rows       BIGINT           NOT NULL,
    mean_latency_micros DOUBLE PRECISION NOT NULL,
    CHECK (version >= 1),
    CHECK (window_from <= window_to),
    CHECK (share_drifted >= 0 AND share_drifted <= 1)
);

-- Charts read a model's history by time; retention deletes by time across models.
CREATE INDEX monitoring_snapshot_model_time ON monitoring_snapshot (model_name, computed_at);
CREATE INDEX monitoring_snapshot_time ON monitoring_snapshot (computed_at);

-- A snapshot's per-column drift verdicts, in the order shown (position).
CREATE TABLE monitoring_snapshot_column (
    snapshot_id        UUID             NOT NULL REFERENCES monitoring_snapshot (id) ON DELETE CASCADE,
    position           INTEGER          NOT NULL,
    column_name        VARCHAR(200)     NOT NULL,
    kind               VARCHAR(63),
    method             VARCHAR(63),
    threshold          DOUBLE PRECISION,
    score              DOUBLE PRECISION,
    drifted            BOOLEAN          NOT NULL,
    psi                DOUBLE PRECISION,
    missing_share      DOUBLE PRECISION,
    out_of_range_share DOUBLE PRECISION,
    new_category_share DOUBLE PRECISION,
    status             VARCHAR(16)      NOT NULL,
    reason             VARCHAR(1000),
    PRIMARY KEY (snapshot_id, position),
    UNIQUE (snapshot_id, column_name),
    CHECK (status IN ('computed', 'not_computable'))
);

-- A snapshot's performance against ground truth, one row per metric; none without ground truth.
CREATE TABLE monitoring_snapshot_metric (
    snapshot_id  UUID             NOT NULL REFERENCES monitoring_snapshot (id) ON DELETE CASCADE,
    metric       VARCHAR(100)     NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (snapshot_id, metric)
);
