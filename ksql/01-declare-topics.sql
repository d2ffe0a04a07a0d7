-- Declares every CircleBridge Avro topic in ksqlDB, under the default topic prefix 'circleci.'.
--
-- Only the key column is declared, so ksqlDB infers the value columns from the latest schema of the topic's
-- <topic>-value subject in the schema registry. Keys are plain strings (KEY_FORMAT='KAFKA'). The key columns have
-- names of their own because every value already has a pipeline_id or command_id field, and ksqlDB rejects two
-- columns with one name.

-- Pipeline, workflow and job events, keyed by pipeline id: one row per observed change.
CREATE STREAM pipeline_events (pipeline_key STRING KEY)
  WITH (KAFKA_TOPIC='circleci.pipelines', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');

CREATE STREAM workflow_events (pipeline_key STRING KEY)
  WITH (KAFKA_TOPIC='circleci.workflows', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');

CREATE STREAM job_events (pipeline_key STRING KEY)
  WITH (KAFKA_TOPIC='circleci.jobs', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');

-- The current status of every pipeline, which the streams app keeps in a compacted topic.
CREATE TABLE pipeline_status (pipeline_key STRING PRIMARY KEY)
  WITH (KAFKA_TOPIC='circleci.pipeline-status', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');

-- Requests to trigger a pipeline. The producer chooses the key, so the command_id column identifies a command.
CREATE STREAM trigger_commands (command_key STRING KEY)
  WITH (KAFKA_TOPIC='circleci.commands', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');

-- The bridge's one result per command, keyed by command id, in a compacted topic.
CREATE TABLE command_results (command_key STRING PRIMARY KEY)
  WITH (KAFKA_TOPIC='circleci.command-results', KEY_FORMAT='KAFKA', VALUE_FORMAT='AVRO');
