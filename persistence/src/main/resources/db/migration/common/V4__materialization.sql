-- Materialisation runs per feature view version: how far the online store is loaded, so that an
-- incremental ("up to now") materialisation starts where the last one ended.
CREATE TABLE fs_materialization (
    view_name          VARCHAR(63)              NOT NULL,
    view_version       INTEGER                  NOT NULL,
    materialized_until TIMESTAMP WITH TIME ZONE NOT NULL,
    rows_written       BIGINT                   NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (view_name, view_version)
);
