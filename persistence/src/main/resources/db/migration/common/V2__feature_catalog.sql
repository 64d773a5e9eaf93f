-- Feature-store definitions: entities, versioned feature views, their features and tags.
CREATE TABLE fs_entity (
    name        VARCHAR(63)   PRIMARY KEY,
    description VARCHAR(4000) NOT NULL
);

CREATE TABLE fs_entity_join_key (
    entity_name VARCHAR(63) NOT NULL REFERENCES fs_entity (name) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    name        VARCHAR(63) NOT NULL,
    type        VARCHAR(16) NOT NULL,
    PRIMARY KEY (entity_name, position)
);

CREATE TABLE fs_feature_view (
    name        VARCHAR(63)   NOT NULL,
    version     INTEGER       NOT NULL,
    ttl_seconds BIGINT        NOT NULL,
    owner       VARCHAR(200)  NOT NULL,
    description VARCHAR(4000) NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE TABLE fs_feature_view_entity (
    view_name    VARCHAR(63) NOT NULL,
    view_version INTEGER     NOT NULL,
    position     INTEGER     NOT NULL,
    entity_name  VARCHAR(63) NOT NULL,
    PRIMARY KEY (view_name, view_version, position),
    FOREIGN KEY (view_name, view_version) REFERENCES fs_feature_view (name, version) ON DELETE CASCADE
);

CREATE TABLE fs_feature (
    view_name    VARCHAR(63)   NOT NULL,
    view_version INTEGER       NOT NULL,
    position     INTEGER       NOT NULL,
    name         VARCHAR(63)   NOT NULL,
    type         VARCHAR(16)   NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (view_name, view_version, position),
    FOREIGN KEY (view_name, view_version) REFERENCES fs_feature_view (name, version) ON DELETE CASCADE
);

CREATE TABLE fs_feature_view_tag (
    view_name    VARCHAR(63)  NOT NULL,
    view_version INTEGER      NOT NULL,
    tag          VARCHAR(100) NOT NULL,
    PRIMARY KEY (view_name, view_version, tag),
    FOREIGN KEY (view_name, view_version) REFERENCES fs_feature_view (name, version) ON DELETE CASCADE
);
