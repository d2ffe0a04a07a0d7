package io.circlebridge.simulator;

import io.circlebridge.simulator.api.ApiServer;
import io.circlebridge.simulator.fault.FaultModes;
import io.circlebridge.simulator.fault.FaultRules;
import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.StateChange;
import io.circlebridge.simulator.scenario.Simulation;
import io.circlebridge.simulator.scenario.SimulationSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A CircleCI API v2 simulator: real paths and JSON shapes, pipelines that progress with the clock, switchable
 * faults, and a ground-truth log of every status change it made.
 *
 * <p>Progress is computed from the clock whenever the API or one of the methods below is used, so a test that
 * moves a mutable clock finds the pipelines moved without sleeping, and a run on the system clock moves on its own.
 *
 * <pre>{@code
 * try (CircleCiSimulator sim = CircleCiSimulator.builder().token("sim-token").clock(clock).build()) {
 *     sim.start();
 *     String baseUrl = sim.baseUrl(); // http://127.0.0.1:<port>/api/v2
 * }
 * }</pre>
 */
public final class CircleCiSimulator implements AutoCloseable {

    private final String token;
    private final int requestedPort;
    private final Simulation simulation;
    private final FaultRules faultRules;
    private final FaultModes faults;
    private ApiServer server;
    private boolean closed;

    private CircleCiSimulator(Builder builder) {
        this.token = builder.token;
        this.requestedPort = builder.port;
        SimulationSettings settings = new SimulationSettings(builder.seed, builder.stepDuration,
                builder.newPipelineInterval, builder.initialPipelines);
        this.simulation = new Simulation(builder.clock, settings, builder.projects);
        this.faultRules = new FaultRules(builder.clock);
        this.faults = new FaultModes(faultRules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the initial pipelines and starts serving on 127.0.0.1.
     *
     * @throws IllegalStateException when already started or closed
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public synchronized void start() {
        if (server != null || closed) {
            throw new IllegalStateException("The simulator can be started once; it is " + (closed ? "closed" : "running"));
        }
        simulation.start();
        server = new ApiServer(simulation, faultRules, token, requestedPort);
        server.start();
    }

    /** Returns the API root, such as {@code http://127.0.0.1:41234/api/v2}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v2";
    }

    /** Returns the port the server is bound to. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return server.port();
    }

    /** Returns every pipeline, workflow and job status change made so far, in order, creations included. */
    public List<StateChange> groundTruth() {
        return simulation.groundTruth();
    }

    /** Returns every pipeline with its workflows and jobs at their current statuses, in creation order. */
    public List<PipelineSnapshot> pipelines() {
        return simulation.snapshot();
    }

    /** Returns whether every pipeline is errored or has all its workflows terminal or {@code on_hold}. */
    public boolean isQuiescent() {
        return simulation.isQuiescent();
    }

    /** Returns the fault switches. */
    public FaultModes faults() {
        return faults;
    }

    /**
     * Approves the on-hold approval jobs of a workflow, so the jobs after them run. Approvals never happen otherwise.
     *
     * @throws IllegalArgumentException when no workflow has that id
     * @throws IllegalStateException when the workflow is not {@code on_hold}
     */
    public void approve(String workflowId) {
        simulation.approve(workflowId);
    }

    /** Applies every change scheduled up to the clock's current instant. API requests do this by themselves. */
    public void advance() {
        simulation.advance();
    }

    /**
     * Returns the {@code circleci/<org-id>/<project-id>} form of a configured project's slug, which the read
     * endpoints and {@code pipeline/run} accept and the legacy trigger endpoint rejects.
     *
     * @throws IllegalArgumentException when no configured project has that slug
     */
    public String circleciSlug(String projectSlug) {
        return simulation.circleciSlug(projectSlug);
    }

    /** Creates or replaces an environment variable of a configured project. */
    public void putEnvVar(String projectSlug, String name, String value) {
        simulation.putEnvVar(projectSlug, name, value);
    }

    /** Removes an environment variable of a configured project; returns whether it existed. */
    public boolean removeEnvVar(String projectSlug, String name) {
        return simulation.removeEnvVar(projectSlug, name);
    }

    /** Stops the server. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
        }
    }

    /** Settings for a {@link CircleCiSimulator}; only {@link #token(String)} is required. */
    public static final class Builder {

        private String token;
        private int port;
        private Clock clock = Clock.systemUTC();
        private List<String> projects = List.of("gh/example-org/example-repo");
        private long seed = 42L;
        private int initialPipelines = 3;
        private Duration newPipelineInterval = Duration.ofSeconds(20);
        private Duration stepDuration = Duration.ofSeconds(2);

        private Builder() {
        }

        /** Sets the token that requests must present; others get 401 {@code Invalid token provided.} */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** Sets the port on 127.0.0.1; 0, the default, picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Sets the clock that drives progress and rate limits; the default is {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the followed projects by slug, such as {@code gh/example-org/example-repo}. */
        public Builder projects(List<String> projects) {
            if (projects.isEmpty()) {
                throw new IllegalArgumentException("At least one project is required");
            }
            this.projects = List.copyOf(projects);
            return this;
        }

        /** Sets the seed of every scenario choice and id; the default is 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets how many pipelines each project has at start, one step apart; the default is 3. */
        public Builder initialPipelines(int initialPipelines) {
            this.initialPipelines = initialPipelines;
            return this;
        }

        /** Sets how often each project gets a new webhook pipeline; {@link Duration#ZERO} for never. Default 20 s. */
        public Builder newPipelineInterval(Duration newPipelineInterval) {
            this.newPipelineInterval = Objects.requireNonNull(newPipelineInterval, "newPipelineInterval");
            return this;
        }

        /** Sets roughly how long one job stays queued or running; the default is 2 s. */
        public Builder stepDuration(Duration stepDuration) {
            this.stepDuration = Objects.requireNonNull(stepDuration, "stepDuration");
            return this;
        }

        /**
         * Builds the simulator; {@link CircleCiSimulator#start()} starts it.
         *
         * @throws IllegalStateException when no token is set
         * @throws IllegalArgumentException when a setting is invalid, naming it
         */
        public CircleCiSimulator build() {
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("A token is required: call token(...) before build()");
            }
            return new CircleCiSimulator(this);
        }
    }
}
