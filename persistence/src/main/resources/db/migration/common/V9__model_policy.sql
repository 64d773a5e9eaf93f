-- Per-model governance policy (ModelPolicy): the thresholds the promotion workflow's metrics check
-- and the retraining process read. One row per model that has a policy; a model without one follows
-- the defaults. Goes with its model.
CREATE TABLE ml_model_policy (
    model_name               VARCHAR(63)      PRIMARY KEY REFERENCES ml_model (name) ON DELETE CASCADE,
    metric_tolerance         DOUBLE PRECISION NOT NULL,
    retraining_margin        DOUBLE PRECISION NOT NULL,
    retraining_every_seconds BIGINT,
    updated_by               VARCHAR(200)     NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (metric_tolerance >= 0 AND metric_tolerance <= 1000000),
    CHECK (retraining_margin >= 0),
    -- From one hour to 366 days, or no schedule.
    CHECK (retraining_every_seconds IS NULL
        OR (retraining_every_seconds >= 3600 AND retraining_every_seconds <= 31622400))
);

-- Tolerances for single metrics, replacing the policy's general one for them. Rows rather than a
-- JSON document: the numbers are typed and range-checked by the database, nothing needs parsing,
-- and they go with the policy.
CREATE TABLE ml_model_policy_tolerance (
    model_name VARCHAR(63)      NOT NULL REFERENCES ml_model_policy (model_name) ON DELETE CASCADE,
    metric     VARCHAR(100)     NOT NULL,
    tolerance  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (model_name, metric),
    CHECK (tolerance >= 0 AND tolerance <= 1000000)
);
