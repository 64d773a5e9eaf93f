-- Per-model monitoring policy (MonitoringPolicy): which predictions a model's drift is measured on,
-- the share of drifted features that makes its data drifted, and how often its alert rules and
-- snapshots run. One row per model that has a policy; a model without one follows the defaults.
-- Goes with its model.
CREATE TABLE monitoring_policy (
    model                  VARCHAR(63)      PRIMARY KEY REFERENCES ml_model (name) ON DELETE CASCADE,
    drift_share            DOUBLE PRECISION NOT NULL,
    window_seconds         BIGINT           NOT NULL,
    window_predictions     INTEGER          NOT NULL,
    evaluate_every_seconds BIGINT           NOT NULL,
    updated_by             VARCHAR(200)     NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (drift_share > 0 AND drift_share <= 1),
    -- From one minute to 365 days.
    CHECK (window_seconds >= 60 AND window_seconds <= 31536000),
    CHECK (window_predictions >= 100 AND window_predictions <= 1000000),
    -- From one second to one day.
    CHECK (evaluate_every_seconds >= 1 AND evaluate_every_seconds <= 86400)
);

-- Drift options of single features, replacing the defaults for them. Method is a DriftMethod name,
-- NULL for the one chosen from kind and reference size; threshold NULL for the method's default.
CREATE TABLE monitoring_feature_override (
    model       VARCHAR(63)      NOT NULL REFERENCES monitoring_policy (model) ON DELETE CASCADE,
    feature     VARCHAR(200)     NOT NULL,
    categorical BOOLEAN          NOT NULL,
    method      VARCHAR(40),
    threshold   DOUBLE PRECISION,
    PRIMARY KEY (model, feature),
    CHECK (threshold IS NULL OR threshold >= 0)
);
