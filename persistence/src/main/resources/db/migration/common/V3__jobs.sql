-- Long operations and their progress, readable from any node.
CREATE TABLE job (
    id          VARCHAR(36)   PRIMARY KEY,
    type        VARCHAR(50)   NOT NULL,
    target      VARCHAR(500),
    state       VARCHAR(20)   NOT NULL,
    progress    DOUBLE PRECISION NOT NULL,
    message     VARCHAR(1000),
    result_json VARCHAR(8000) NOT NULL,
    error       VARCHAR(4000),
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX job_created_at ON job (created_at);
