-- The audit trail as a hash chain (issue 9). Every record gets its place in the chain (seq: 1, 2,
-- 3, ... without gaps), the hash of the record before it and its own hash: SHA-256 over a
-- canonical encoding of its fields, its place and the previous hash (domain AuditHash). Any change,
-- deletion or insertion behind the audit log's back then shows when the chain is verified.
ALTER TABLE audit_record ADD COLUMN seq BIGINT;
ALTER TABLE audit_record ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_record ADD COLUMN hash VARCHAR(64);

-- Records written before this migration take their places in the order they were written (id).
-- SQL cannot compute the canonical encoding portably, so their hashes are left NULL here and
-- computed once by the platform, under the head's lock, before the next record is appended or the
-- chain verified ("sealing", JpaAuditLog).
CREATE TABLE audit_record_numbering AS
    SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS seq FROM audit_record;
ALTER TABLE audit_record_numbering ALTER COLUMN id SET NOT NULL;
ALTER TABLE audit_record_numbering ADD PRIMARY KEY (id);
UPDATE audit_record
    SET seq = (SELECT n.seq FROM audit_record_numbering n WHERE n.id = audit_record.id);
DROP TABLE audit_record_numbering;

ALTER TABLE audit_record ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_record ADD CONSTRAINT audit_record_seq_unique UNIQUE (seq);

-- The end of the chain: one row that every appender locks (SELECT ... FOR UPDATE) before it takes
-- the next place, so concurrent appends form one chain, and that verification checks the records
-- reach (a deleted newest record leaves the head pointing past the last one). last_hash is NULL
-- only while records from before this migration wait for their hashes.
CREATE TABLE audit_chain_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64),
    CONSTRAINT audit_chain_head_one_row CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
    SELECT 1, COUNT(*),
           CASE WHEN COUNT(*) = 0
                THEN '0000000000000000000000000000000000000000000000000000000000000000'
           END
    FROM audit_record;
