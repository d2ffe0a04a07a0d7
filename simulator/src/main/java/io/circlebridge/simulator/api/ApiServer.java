package io.circlebridge.simulator.api;

import com.sun.net.httpserver.HttpServer;
import io.circlebridge.simulator.fault.FaultRules;
import io.circlebridge.simulator.scenario.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server of the simulated API, bound to 127.0.0.1 only. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** Enough threads that a slow-response fault on one request does not hold up the others. */
    private static final int WORKER_THREADS = 8;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body in separate packets. With Nagle's algorithm on, the body waits
        // for the client's delayed ACK, which cost about 40 ms per request in this module's tests on Linux.
        // The JDK reads the property once, when it creates its first server, and it only sets TCP_NODELAY.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;

    /**
     * Binds the server; {@link #start()} begins serving.
     *
     * @param port the TCP port, or 0 for an ephemeral one
     * @throws UncheckedIOException when the port cannot be bound
     */
    public ApiServer(Simulation simulation, FaultRules faults, String token, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind the simulator to 127.0.0.1:" + port, e);
        }
        workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
        server.setExecutor(workers);
        server.createContext("/", new RequestDispatcher(routes(simulation), new Authenticator(token), faults));
    }

    public void start() {
        server.start();
        LOG.info("CircleCI simulator listening on 127.0.0.1:{}", port());
    }

    /** Returns the bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving at once; requests in flight are cut off. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        LOG.info("CircleCI simulator stopped");
    }

    private static Router routes(Simulation simulation) {
        PipelineEndpoints pipelines = new PipelineEndpoints(simulation);
        WorkflowEndpoints workflows = new WorkflowEndpoints(simulation);
        ProjectEndpoints projects = new ProjectEndpoints(simulation);
        TriggerEndpoints triggers = new TriggerEndpoints(simulation);
        return new Router()
                .add("GET", "/project/{vcs}/{org}/{repo}/pipeline", pipelines::listForProject)
                .add("POST", "/project/{vcs}/{org}/{repo}/pipeline", triggers::legacy)
                .add("POST", "/project/{vcs}/{org}/{repo}/pipeline/run", triggers::run)
                .add("GET", "/project/{vcs}/{org}/{repo}/job/{job-number}", workflows::details)
                .add("GET", "/project/{vcs}/{org}/{repo}/envvar", projects::envVars)
                .add("GET", "/insights/{vcs}/{org}/{repo}/workflows", projects::workflowInsights)
                .add("GET", "/pipeline", pipelines::listForOrganization)
                .add("GET", "/pipeline/{pipeline-id}", pipelines::get)
                .add("GET", "/pipeline/{pipeline-id}/workflow", pipelines::workflows)
                .add("GET", "/workflow/{id}", workflows::get)
                .add("GET", "/workflow/{id}/job", workflows::jobs);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "circleci-simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
