/**
 * The real infrastructure that local mode runs on one machine: a single-node Kafka broker inside this JVM and an
 * Apicurio Registry child process that serves the Confluent Schema Registry API. Both bind 127.0.0.1 only and keep
 * their data in a directory given by the caller, so a restart on the same directory keeps records and schema ids.
 */
package io.circlebridge.local.infra;
