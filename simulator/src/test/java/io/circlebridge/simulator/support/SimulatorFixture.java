package io.circlebridge.simulator.support;

import io.circlebridge.simulator.CircleCiSimulator;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A started simulator on a {@link MutableClock} with a client, for tests of the HTTP API. */
public final class SimulatorFixture implements AutoCloseable {

    public static final String TOKEN = "sim-token";
    public static final String PROJECT = "gh/example-org/example-repo";
    public static final String OTHER_PROJECT = "gh/example-org/another-repo";
    public static final Duration STEP = Duration.ofSeconds(2);

    private final MutableClock clock = new MutableClock();
    private final CircleCiSimulator simulator;
    private final SimulatorClient client;

    private SimulatorFixture(int initialPipelines) {
        simulator = CircleCiSimulator.builder()
                .token(TOKEN)
                .clock(clock)
                .projects(List.of(PROJECT, OTHER_PROJECT))
                .seed(42L)
                .initialPipelines(initialPipelines)
                .newPipelineInterval(Duration.ZERO)
                .stepDuration(STEP)
                .build();
        simulator.start();
        client = new SimulatorClient(simulator.baseUrl(), TOKEN);
    }

    /** Starts a simulator whose projects have {@code initialPipelines} pipelines each and get no new ones by themselves. */
    public static SimulatorFixture start(int initialPipelines) {
        return new SimulatorFixture(initialPipelines);
    }

    public MutableClock clock() {
        return clock;
    }

    public CircleCiSimulator simulator() {
        return simulator;
    }

    public SimulatorClient client() {
        return client;
    }

    /** Triggers a pipeline on {@code main} of {@link #PROJECT} with a scenario and returns its id. */
    public String trigger(String scenario) {
        SimulatorClient.Reply reply = client.postJson("/project/" + PROJECT + "/pipeline",
                "{\"branch\":\"main\",\"parameters\":{\"simulator_scenario\":\"" + scenario + "\"}}");
        if (reply.status() != 201) {
            throw new IllegalStateException("Trigger failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").asText();
    }

    /** Moves the clock a quarter step at a time until {@code condition} holds, failing after 400 moves. */
    public void advanceUntil(BooleanSupplier condition) {
        for (int i = 0; i < 400; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            clock.advance(STEP.dividedBy(4));
        }
        throw new AssertionError("The condition did not hold within 100 simulated steps");
    }

    @Override
    public void close() {
        simulator.close();
    }
}
