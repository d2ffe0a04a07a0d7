/**
 * Client for the CircleCI API v2: pipelines, workflows, jobs, job details, project environment variables, workflow
 * insights and pipeline triggers.
 *
 * <p>{@link io.circlebridge.poller.circleci.CircleCiClient} is the entry point. It spends a client-side request budget
 * shared by all its callers, pauses every caller when CircleCI returns 429 or reports an exhausted quota, retries
 * transient failures with backoff, walks cursor-paged lists with a page cap, and parses responses leniently: unknown
 * fields are ignored, missing fields become {@code null}, and CircleCI's status strings are kept as received.
 */
package io.circlebridge.poller.circleci;
