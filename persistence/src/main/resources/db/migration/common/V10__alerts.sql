-- Monitoring alerts: rules that watch a model's metrics (AlertRule) and the alerts they raise
-- (Alert). Enums are stored by name. A rule goes with its model, an alert with its rule.

-- feature is NULL for metrics measured on the whole model. The metric is not checked here: the
-- domain knows the list, and a new metric then needs no migration.
CREATE TABLE alert_rule (
    id                UUID             PRIMARY KEY,
    model_name        VARCHAR(63)      NOT NULL REFERENCES ml_model (name) ON DELETE CASCADE,
    feature           VARCHAR(200),
    metric            VARCHAR(40)      NOT NULL,
    comparison        VARCHAR(5)       NOT NULL,
    threshold         DOUBLE PRECISION NOT NULL,
    severity          VARCHAR(8)       NOT NULL,
    starts_retraining BOOLEAN          NOT NULL,
    enabled           BOOLEAN          NOT NULL,
    created_by        VARCHAR(200)     NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (comparison IN ('ABOVE', 'BELOW')),
    CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL'))
);

CREATE INDEX alert_rule_model ON alert_rule (model_name, created_at);

-- An alert copies what its rule said when it opened (model, feature, metric, severity, threshold),
-- so editing the rule does not rewrite history. model_name needs no reference of its own: the
-- alert goes with its rule, and the rule with its model.
--
-- At most one unresolved alert per rule. Neither H2 nor a portable script has a partial unique
-- index, so unresolved_rule_id carries the rule's id while the alert is open or acknowledged and
-- NULL once it is resolved, and a plain unique constraint (NULLs never collide) does the rest. The
-- check keeps that column honest; the repository also serialises openings on the rule's row.
CREATE TABLE alert (
    id                    UUID             PRIMARY KEY,
    rule_id               UUID             NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    model_name            VARCHAR(63)      NOT NULL,
    feature               VARCHAR(200),
    metric                VARCHAR(40)      NOT NULL,
    severity              VARCHAR(8)       NOT NULL,
    status                VARCHAR(12)      NOT NULL,
    observed_value        DOUBLE PRECISION NOT NULL,
    threshold             DOUBLE PRECISION NOT NULL,
    message               VARCHAR(2000)    NOT NULL,
    opened_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_by       VARCHAR(200),
    acknowledged_at       TIMESTAMP WITH TIME ZONE,
    resolved_by           VARCHAR(200),
    resolved_at           TIMESTAMP WITH TIME ZONE,
    retraining_process_id VARCHAR(200),
    unresolved_rule_id    UUID             UNIQUE,
    CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    -- IS NOT NULL spelled out: a comparison with NULL is unknown, which a check lets pass.
    CHECK ((status = 'RESOLVED' AND unresolved_rule_id IS NULL)
        OR (status <> 'RESOLVED' AND unresolved_rule_id IS NOT NULL
            AND unresolved_rule_id = rule_id))
);

-- The alert list, newest first: by model and status, by status across models, or everything; and
-- the unresolved count per model. rule_id serves the cascade from alert_rule.
CREATE INDEX alert_model_status ON alert (model_name, status, opened_at);
CREATE INDEX alert_status ON alert (status, opened_at);
CREATE INDEX alert_opened_at ON alert (opened_at);
CREATE INDEX alert_rule_id ON alert (rule_id);
