'use strict';

// The two independent Confluent-wire-format Avro deserializers under test, each behind the same function shape:
// (topic, bytes) => Promise of the decoded value.

const confluent = require('@confluentinc/schemaregistry');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

const DECODERS = {
  // Confluent's client with its defaults. Its default subject name strategy first requests the subject associated
  // with the topic (GET /associations/resources/-/<topic>). Apicurio Registry 2.6.13 returns 404 for that path, and
  // the strategy then falls back to the topic name strategy (<topic>-value), so no setting is needed.
  confluent(registryUrl) {
    const client = new confluent.SchemaRegistryClient({ baseURLs: [registryUrl] });
    const deserializer = new confluent.AvroDeserializer(client, confluent.SerdeType.VALUE, {});
    return (topic, bytes) => deserializer.deserialize(topic, bytes);
  },

  // kafkajs's registry client with its defaults: it fetches the writer schema by the id in the record alone.
  kafkajs(registryUrl) {
    const registry = new SchemaRegistry({ host: registryUrl });
    return (topic, bytes) => registry.decode(bytes);
  },
};

/** Returns the decode function of the library `name` ("confluent" or "kafkajs"), or null for an unknown name. */
function createDecoder(name, registryUrl) {
  const factory = Object.hasOwn(DECODERS, name) ? DECODERS[name] : null;
  return factory === null ? null : factory(registryUrl);
}

module.exports = { createDecoder, DECODER_NAMES: Object.keys(DECODERS) };
