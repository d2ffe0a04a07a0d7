'use strict';

// Shared pieces of the scripts: a kafkajs client whose log goes to stderr, command-line parsing and the JSON form
// of decoded Avro values. Standard output carries only the scripts' results, one JSON document per line.

const { parseArgs } = require('node:util');
const { Kafka, logLevel } = require('kafkajs');

/** Creates a kafkajs client for `brokers` (comma-separated host:port) that logs warnings and errors to stderr. */
function createKafka(brokers, clientId) {
  return new Kafka({
    clientId,
    brokers: brokers.split(','),
    logLevel: logLevel.WARN,
    logCreator: () => ({ namespace, label, log }) => {
      const { message, ...details } = log;
      process.stderr.write(`${label} [${namespace}] ${message} ${JSON.stringify(details)}\n`);
    },
  });
}

/**
 * Parses the command line against `options` (node:util parseArgs form) and exits with status 2 and `usage` when an
 * option is unknown or one of `required` is missing.
 */
function parseOptions(options, required, usage) {
  let values;
  try {
    ({ values } = parseArgs({ options, strict: true }));
  } catch (error) {
    fail(`${error.message}\n${usage}`, 2);
  }
  const missing = required.filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    fail(`Missing option ${missing.map((name) => `--${name}`).join(', ')}.\n${usage}`, 2);
  }
  return values;
}

/**
 * Converts a value returned by an Avro deserializer into plain JSON: a Date (timestamp-millis with logical types on)
 * becomes epoch milliseconds and a Buffer (Avro bytes) becomes base64. Records, maps, arrays, enum symbols and
 * wrapped or unwrapped unions keep the shape the library returned, so the Java side compares each library's own form.
 */
function toJson(value) {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('base64');
  }
  if (Array.isArray(value)) {
    return value.map(toJson);
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, toJson(field)]));
  }
  return value;
}

/** Writes `message` to stderr and ends the process with `status`. */
function fail(message, status = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}

module.exports = { createKafka, parseOptions, toJson, fail };
