-- Example queries over the streams and tables that 01-declare-topics.sql declares. Run that file first.
-- Statements that start with CREATE start persistent queries; the SELECT statements are pull queries that return
-- the current result and end. The literals 'gh/example-org/example-repo' and 'main' are placeholders.


-- 1. The current status of a branch: the status of the latest pipeline of a branch of a project.
--
-- Pipeline numbers grow within a project, so the latest pipeline of a branch is the one with the highest number.
-- ksqlDB's documented aggregates cannot return the other columns of the row with the highest number, so the highest
-- number per branch is kept in one table and joined back to the status table. Branches are identified by
-- '<project slug>:<branch>'; git forbids ':' in branch names.

-- Every change of the status table as a stream, because MAX aggregates only streams.
CREATE STREAM pipeline_status_changes (pipeline_key STRING KEY)
  WITH (KAFKA_TOPIC='circleci.pipeline-status', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');

CREATE TABLE branch_latest_number AS
  SELECT CONCAT(project_slug, ':', branch) AS branch_key,
         MAX(number) AS latest_number
  FROM pipeline_status_changes
  WHERE project_slug IS NOT NULL AND branch IS NOT NULL AND number IS NOT NULL
  GROUP BY CONCAT(project_slug, ':', branch)
  EMIT CHANGES;

-- The status table with the branch key as a column, which the foreign-key join below needs.
CREATE TABLE pipeline_status_by_branch AS
  SELECT pipeline_key,
         CONCAT(project_slug, ':', branch) AS branch_key,
         project_slug,
         branch,
         number,
         revision,
         overall_status,
         job_counts,
         updated_at
  FROM pipeline_status
  WHERE project_slug IS NOT NULL AND branch IS NOT NULL AND number IS NOT NULL
  EMIT CHANGES;

-- One row per branch: its latest pipeline. When a newer pipeline starts, the older one's row is deleted.
CREATE TABLE branch_status AS
  SELECT p.pipeline_key AS pipeline_key,
         p.branch_key AS branch_key,
         p.project_slug AS project_slug,
         p.branch AS branch,
         p.number AS number,
         p.revision AS revision,
         p.overall_status AS overall_status,
         p.job_counts AS job_counts,
         p.updated_at AS updated_at
  FROM pipeline_status_by_branch p
  JOIN branch_latest_number b ON p.branch_key = b.branch_key
  WHERE p.number = b.latest_number
  EMIT CHANGES;

SELECT pipeline_key, number, revision, overall_status, job_counts, updated_at
  FROM branch_status
  WHERE branch_key = 'gh/example-org/example-repo:main';


-- 2. Failed jobs in the last hour, from the jobs stream. A pull query on a stream reads the topic up to its end.
SELECT project_slug, pipeline_id, workflow_id, job_number, name, status_raw, stopped_at, observed_at
  FROM job_events
  WHERE status = 'FAILED'
    AND UNIX_TIMESTAMP(observed_at) >= UNIX_TIMESTAMP() - 3600000;


-- 3. Mean workflow duration per project, over the workflows that have stopped.
--
-- A workflow may be reported more than once with stopped_at set, so the durations are first kept per workflow id.
-- The per-project table sums and counts, which ksqlDB can undo when a workflow's duration is replaced.
CREATE TABLE workflow_durations AS
  SELECT workflow_id,
         LATEST_BY_OFFSET(project_slug) AS project_slug,
         LATEST_BY_OFFSET(UNIX_TIMESTAMP(stopped_at) - UNIX_TIMESTAMP(created_at)) AS duration_ms
  FROM workflow_events
  WHERE stopped_at IS NOT NULL AND created_at IS NOT NULL
  GROUP BY workflow_id
  EMIT CHANGES;

CREATE TABLE workflow_duration_by_project AS
  SELECT project_slug,
         COUNT(*) AS workflow_count,
         SUM(duration_ms) AS total_duration_ms
  FROM workflow_durations
  GROUP BY project_slug
  EMIT CHANGES;

SELECT project_slug,
       workflow_count,
       CAST(total_duration_ms AS DOUBLE) / workflow_count / 1000 AS mean_duration_seconds
  FROM workflow_duration_by_project;


-- 4. Pending commands: commands that have no result yet.
--
-- A stream-table join would look for the result when the command arrives, before the bridge could have written
-- one, and so would list every command. Commands are therefore first kept per command id in a table, and a table-table
-- left join keeps a command only while its result is missing. When the result arrives, the command's row is deleted.
CREATE TABLE commands_by_id AS
  SELECT command_id,
         LATEST_BY_OFFSET(project_slug) AS project_slug,
         LATEST_BY_OFFSET(branch) AS branch,
         LATEST_BY_OFFSET(requested_by) AS requested_by,
         MIN(ROWTIME) AS first_produced_ms
  FROM trigger_commands
  GROUP BY command_id
  EMIT CHANGES;

CREATE TABLE pending_commands AS
  SELECT c.command_id AS command_id,
         c.project_slug AS project_slug,
         c.branch AS branch,
         c.requested_by AS requested_by,
         c.first_produced_ms AS first_produced_ms
  FROM commands_by_id c
  LEFT JOIN command_results r ON c.command_id = r.command_key
  WHERE r.completed_at IS NULL
  EMIT CHANGES;

SELECT command_id, project_slug, branch, requested_by, first_produced_ms
  FROM pending_commands;
