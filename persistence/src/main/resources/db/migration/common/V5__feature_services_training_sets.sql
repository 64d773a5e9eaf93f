-- Derived (on-demand) features and request fields of feature views, feature services, and
-- training-set snapshots.
CREATE TABLE fs_derived_feature (
    view_name    VARCHAR(63)   NOT NULL,
    view_version INTEGER       NOT NULL,
    position     INTEGER       NOT NULL,
    name         VARCHAR(63)   NOT NULL,
    expression   VARCHAR(2000) NOT NULL,
    type         VARCHAR(16)   NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (view_name, view_version, position),
    FOREIGN KEY (view_name, view_version) REFERENCES fs_feature_view (name, version) ON DELETE CASCADE
);

CREATE TABLE fs_request_field (
    view_name    VARCHAR(63)   NOT NULL,
    view_version INTEGER       NOT NULL,
    position     INTEGER       NOT NULL,
    name         VARCHAR(63)   NOT NULL,
    type         VARCHAR(16)   NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (view_name, view_version, position),
    FOREIGN KEY (view_name, view_version) REFERENCES fs_feature_view (name, version) ON DELETE CASCADE
);

CREATE TABLE fs_feature_service (
    name        VARCHAR(63)   NOT NULL,
    version     INTEGER       NOT NULL,
    owner       VARCHAR(200)  NOT NULL,
    description VARCHAR(4000) NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE TABLE fs_feature_service_feature (
    service_name    VARCHAR(63)  NOT NULL,
    service_version INTEGER      NOT NULL,
    position        INTEGER      NOT NULL,
    feature_ref     VARCHAR(130) NOT NULL,
    PRIMARY KEY (service_name, service_version, position),
    FOREIGN KEY (service_name, service_version) REFERENCES fs_feature_service (name, version) ON DELETE CASCADE
);

CREATE TABLE fs_feature_service_tag (
    service_name    VARCHAR(63)  NOT NULL,
    service_version INTEGER      NOT NULL,
    tag             VARCHAR(100) NOT NULL,
    PRIMARY KEY (service_name, service_version, tag),
    FOREIGN KEY (service_name, service_version) REFERENCES fs_feature_service (name, version) ON DELETE CASCADE
);

-- The structured parts of a snapshot (columns, lineage, statistics) are JSON documents: they are
-- written once and always read whole.
CREATE TABLE training_set (
    id               VARCHAR(36)   PRIMARY KEY,
    description      VARCHAR(4000) NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    feature_service  VARCHAR(130),
    row_count        BIGINT        NOT NULL,
    first_event_time TIMESTAMP WITH TIME ZONE,
    last_event_time  TIMESTAMP WITH TIME ZONE,
    sha256           VARCHAR(64),
    job_id           VARCHAR(36),
    error            VARCHAR(4000),
    lineage_json     VARCHAR(1000000) NOT NULL,
    columns_json     VARCHAR(1000000) NOT NULL,
    statistics_json  VARCHAR(1000000) NOT NULL
);

CREATE INDEX training_set_created_at ON training_set (created_at);
