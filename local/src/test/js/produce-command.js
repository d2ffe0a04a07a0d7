'use strict';

// Produces one TriggerPipelineCommand with Confluent's JavaScript Avro serializer and kafkajs, keyed by the command
// id, and prints {"topic", "partition", "offset", "schemaId"} of the record written as one JSON line.

const confluent = require('@confluentinc/schemaregistry');
const { Partitioners } = require('kafkajs');
const { createKafka, parseOptions, fail } = require('./kafka-client');

const USAGE = 'usage: node produce-command.js --brokers HOST:PORT --registry URL --topic TOPIC --command-id ID '
  + '--project SLUG [--branch BRANCH] [--requested-by NAME]';

async function main() {
  const options = parseOptions({
    brokers: { type: 'string' },
    registry: { type: 'string' },
    topic: { type: 'string' },
    'command-id': { type: 'string' },
    project: { type: 'string' },
    branch: { type: 'string' },
    'requested-by': { type: 'string' },
  }, ['brokers', 'registry', 'topic', 'command-id', 'project'], USAGE);

  // Without useLatestVersion the serializer derives a schema from the JavaScript object. That schema lacks the
  // bridge's names, docs and logical types, so the registry does not find it under the subject (error 40403).
  // The subject's latest version is the schema the bridge registered.
  const client = new confluent.SchemaRegistryClient({ baseURLs: [options.registry] });
  const serializer = new confluent.AvroSerializer(client, confluent.SerdeType.VALUE, { useLatestVersion: true });
  const command = {
    command_id: options['command-id'],
    project_slug: options.project,
    branch: options.branch ?? null,
    tag: null,
    parameters: {},
    requested_by: options['requested-by'] ?? 'produce-command.js',
    requested_at: Date.now(),
  };
  const value = await serializer.serialize(options.topic, command);

  // DefaultPartitioner hashes keys as the Java client does (murmur2), so the key lands where a Java producer puts it.
  const producer = createKafka(options.brokers, 'circlebridge-js-writer')
    .producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const [written] = await producer.send({
      topic: options.topic,
      messages: [{ key: command.command_id, value }],
    });
    const line = {
      topic: written.topicName,
      partition: written.partition,
      offset: Number(written.baseOffset),
      schemaId: value.readInt32BE(1),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await producer.disconnect();
  }
}

main().catch((error) => fail(`produce-command.js failed: ${error.stack || error}`));
