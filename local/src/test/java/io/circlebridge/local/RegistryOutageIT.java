package io.circlebridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.local.infra.ApicurioRegistry;
import io.circlebridge.local.infra.EmbeddedKafkaBroker;
import io.circlebridge.poller.PollerService;
import io.circlebridge.poller.circleci.CircleCiClient;
import io.circlebridge.poller.circleci.CircleCiToken;
import io.circlebridge.poller.config.PollerConfig;
import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.WorkflowEvent;
import io.circlebridge.serde.AvroSerdeConfig;
import io.circlebridge.serde.SchemaRegistryClient;
import io.circlebridge.simulator.CircleCiSimulator;
import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.WorkflowSnapshot;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema registry unreachable when the poller starts and again while it runs: the poller waits with backoff and,
 * once the registry is back, every final status the simulator reached is in the event topics.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RegistryOutageIT {

    private static final String PROJECT = "gh/example-org/example-repo";

    @TempDir
    Path dataDir;

    @Test
    void shouldLoseNothingWhileRegistryIsDown() throws Exception {
        int registryPort = freePort();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
             CircleCiSimulator simulator = simulator();
             CircleCiClient circleCi = CircleCiClient.builder().baseUrl(simulator.baseUrl())
                     .token(CircleCiToken.of("sim-token")).requestsPerMinute(6000).build()) {
            String registryUrl = "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";
            PollerConfig config = new PollerConfig(Map.of(
                    PollerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    PollerConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
                    PollerConfig.PROJECTS_CONFIG, PROJECT,
                    PollerConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "1",
                    PollerConfig.POLL_INTERVAL_MS_CONFIG, "300",
                    PollerConfig.COMMANDS_ENABLED_CONFIG, "false"));
            SchemaRegistryClient registryClient = new AvroSerdeConfig(Map.of(
                    AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl)).createClient();

            try (PollerService poller = new PollerService(config, circleCi, registryClient, Clock.systemUTC())) {
                CompletableFuture<Void> starting = CompletableFuture.runAsync(poller::start);
                Thread.sleep(3_000);
                assertThat(starting).as("the poller waits for the registry instead of failing").isNotDone();

                try (ApicurioRegistry registry = startRegistry(registryPort)) {
                    assertThat(registry.port()).isEqualTo(registryPort);
                    starting.get(2, TimeUnit.MINUTES);
                    awaitEvents(broker, registryUrl, 5);
                }
                Thread.sleep(3_000);
                try (ApicurioRegistry restarted = startRegistry(registryPort)) {
                    assertThat(restarted.port()).isEqualTo(registryPort);
                    awaitFinalStatuses(broker, registryUrl, simulator);
                }
            }
        }
    }

    private CircleCiSimulator simulator() {
        CircleCiSimulator simulator = CircleCiSimulator.builder()
                .token("sim-token")
                .projects(List.of(PROJECT))
                .seed(5L)
                .initialPipelines(3)
                .newPipelineInterval(Duration.ZERO)
                .stepDuration(Duration.ofMillis(500))
                .build();
        simulator.start();
        return simulator;
    }

    private ApicurioRegistry startRegistry(int port) {
        return ApicurioRegistry.start(ApicurioRegistry.locateDistribution(), dataDir.resolve("registry"), port);
    }

    private static void awaitEvents(EmbeddedKafkaBroker broker, String registryUrl, int count) {
        try (TopicProbe<JobEvent> jobs = new TopicProbe<>(broker.bootstrapServers(), registryUrl, "circleci.jobs",
                JobEvent.class)) {
            jobs.awaitRecords(records -> records.size() >= count, Duration.ofSeconds(60), count + " job events");
        }
    }

    /** Every workflow's and job's final status in the simulator must be the last event written for it. */
    private static void awaitFinalStatuses(EmbeddedKafkaBroker broker, String registryUrl,
                                           CircleCiSimulator simulator) {
        try (TopicProbe<WorkflowEvent> workflows = new TopicProbe<>(broker.bootstrapServers(), registryUrl,
                "circleci.workflows", WorkflowEvent.class);
             TopicProbe<JobEvent> jobs = new TopicProbe<>(broker.bootstrapServers(), registryUrl, "circleci.jobs",
                     JobEvent.class)) {
            workflows.awaitNoProblem(workflowRecords -> {
                List<ConsumerRecord<String, JobEvent>> jobRecords = jobs.readFor(Duration.ofMillis(100));
                if (!simulator.isQuiescent()) {
                    return "the simulator is still running pipelines";
                }
                Map<String, String> last = new HashMap<>();
                workflowRecords.forEach(r -> last.put(r.value().getWorkflowId(), r.value().getStatusRaw()));
                jobRecords.forEach(r -> last.put(r.value().getJobId(), r.value().getStatusRaw()));
                for (PipelineSnapshot pipeline : simulator.pipelines()) {
                    for (WorkflowSnapshot workflow : pipeline.workflows()) {
                        if (!workflow.status().wireValue().equals(last.get(workflow.id()))) {
                            return "workflow " + workflow.id() + " is " + last.get(workflow.id());
                        }
                        for (var job : workflow.jobs()) {
                            if (!job.status().wireValue().equals(last.get(job.id()))) {
                                return "job " + job.id() + " is " + last.get(job.id());
                            }
                        }
                    }
                }
                return null;
            }, Duration.ofSeconds(120), "the simulator's final statuses in the event topics");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
