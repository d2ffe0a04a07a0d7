'use strict';

// Reads topics from the beginning with kafkajs (read_committed, its default), decodes every value with one Avro
// deserializer library and prints one JSON line per record:
//   {"topic", "partition", "offset", "key", "value"}, or "error" in place of "value" when decoding failed.
// Each --until names the offset of the last record to read in one partition. The script stops once every named
// partition has reached it, and it ignores records past it and partitions not named.

const { randomUUID } = require('node:crypto');
const { createKafka, parseOptions, toJson, fail } = require('./kafka-client');
const { createDecoder, DECODER_NAMES } = require('./decoders');

const USAGE = 'usage: node read-topics.js --brokers HOST:PORT --registry URL --decoder '
  + `${DECODER_NAMES.join('|')} --until TOPIC:PARTITION:LAST_OFFSET [--until ...]`;

async function main() {
  const options = parseOptions({
    brokers: { type: 'string' },
    registry: { type: 'string' },
    decoder: { type: 'string' },
    until: { type: 'string', multiple: true },
  }, ['brokers', 'registry', 'decoder', 'until'], USAGE);
  const decode = createDecoder(options.decoder, options.registry);
  if (decode === null) {
    fail(`Unknown decoder '${options.decoder}'; use one of ${DECODER_NAMES.join(', ')}.`, 2);
  }
  const untils = options.until.map(parseUntil);
  const lastOffsets = new Map(untils.map(({ topic, partition, last }) => [`${topic}:${partition}`, last]));
  const pending = new Set(lastOffsets.keys());
  const topics = [...new Set(untils.map(({ topic }) => topic))];

  const consumer = createKafka(options.brokers, 'circlebridge-js-reader')
    .consumer({ groupId: `circlebridge-js-reader-${randomUUID()}` });
  process.on('SIGTERM', () => fail(`Stopped before reaching the last offset of ${[...pending].join(', ')}.`, 3));
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });

  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const id = `${topic}:${partition}`;
      const offset = Number(message.offset);
      const last = lastOffsets.get(id);
      if (last === undefined || offset > last) {
        markDone(id);
        return;
      }
      const line = { topic, partition, offset, key: message.key === null ? null : message.key.toString('utf8') };
      try {
        line.value = toJson(await decode(topic, message.value));
      } catch (error) {
        line.error = String(error.stack || error);
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
      if (offset === last) {
        markDone(id);
      }
    },
  });
  await finished;
  await consumer.disconnect();

  function markDone(id) {
    if (pending.delete(id) && pending.size === 0) {
      finish();
    }
  }
}

function parseUntil(text) {
  const match = /^(.+):(\d+):(\d+)$/.exec(text);
  if (match === null) {
    fail(`Invalid --until '${text}': expected TOPIC:PARTITION:LAST_OFFSET.\n${USAGE}`, 2);
  }
  return { topic: match[1], partition: Number(match[2]), last: Number(match[3]) };
}

main().catch((error) => fail(`read-topics.js failed: ${error.stack || error}`));
