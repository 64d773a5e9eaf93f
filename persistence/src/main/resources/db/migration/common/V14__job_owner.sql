-- Which node runs each job, and the how-many-th attempt it is (issue 10): when a node is gone,
-- another takes its unfinished jobs over, and only the run with the current node and attempt may
-- write the job. Jobs from before this migration have no node; any node may take them over.
ALTER TABLE job ADD COLUMN node VARCHAR(200);
ALTER TABLE job ADD COLUMN attempt INTEGER DEFAULT 1 NOT NULL;
CREATE INDEX job_state ON job (state);
