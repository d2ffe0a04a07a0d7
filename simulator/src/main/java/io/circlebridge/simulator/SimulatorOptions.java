package io.circlebridge.simulator;

import io.circlebridge.simulator.fault.FaultModes;
import io.circlebridge.simulator.fault.MalformedBody;
import io.circlebridge.simulator.fault.MissingFields;
import io.circlebridge.simulator.fault.PagingFault;
import io.circlebridge.simulator.fault.RateLimitStyle;
import io.circlebridge.simulator.model.EntityKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The command-line options of {@link SimulatorMain}: {@code --name value} or {@code --name=value}. */
final class SimulatorOptions {

    static final String USAGE = String.join("\n",
            "Usage: SimulatorMain [options]",
            "  --port N                       TCP port on 127.0.0.1; 0 picks a free one (default 0)",
            "  --token TOKEN                  the Circle-Token requests must send (default sim-token)",
            "  --project SLUG                 a followed project, repeatable (default gh/example-org/example-repo)",
            "  --seed N                       seed of every scenario choice (default 42)",
            "  --initial-pipelines N          pipelines per project at start (default 3)",
            "  --step-ms N                    roughly how long one job stays queued or running, in ms (default 2000)",
            "  --new-pipeline-interval-ms N   new pipeline per project every N ms; 0 for never (default 20000)",
            "  --fault-rate-limit N[:STYLE]   answer the next N requests with 429; STYLE is retry-after,",
            "                                 rate-limit-headers or no-headers (default retry-after)",
            "  --fault-server-errors N        answer the next N requests with 500, 502, 503 in turn",
            "  --fault-slow-ms N              hold every response for N ms",
            "  --fault-malformed N[:KIND]     break the next N bodies; KIND is not-json or truncated-json",
            "  --fault-unknown-status VALUE   report VALUE as every workflow and job status",
            "  --fault-missing-fields LEVEL   drop fields: optional or required",
            "  --fault-paging MODE            cursor faults: repeating, not-found or endless",
            "  --token-budget-rpm N           allow N requests per minute per token, then 429",
            "  --help                         print this help");

    private final List<Consumer<FaultModes>> faults = new ArrayList<>();
    private final List<String> projects = new ArrayList<>();
    private int port;
    private String token = "sim-token";
    private long seed = 42L;
    private int initialPipelines = 3;
    private long stepMillis = 2_000;
    private long newPipelineIntervalMillis = 20_000;
    private boolean help;

    private SimulatorOptions() {
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the option and the bad value
     */
    static SimulatorOptions parse(String[] args) {
        SimulatorOptions options = new SimulatorOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options start with --");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
            options.apply(name, value);
        }
        return options;
    }

    boolean help() {
        return help;
    }

    /** Returns a builder with the parsed settings. */
    CircleCiSimulator.Builder builder() {
        return CircleCiSimulator.builder()
                .port(port)
                .token(token)
                .projects(projects.isEmpty() ? List.of("gh/example-org/example-repo") : projects)
                .seed(seed)
                .initialPipelines(initialPipelines)
                .stepDuration(Duration.ofMillis(stepMillis))
                .newPipelineInterval(Duration.ofMillis(newPipelineIntervalMillis));
    }

    /** Switches on the faults the options asked for. */
    void applyFaults(FaultModes modes) {
        faults.forEach(fault -> fault.accept(modes));
    }

    private void apply(String name, String value) {
        switch (name) {
            case "--port" -> port = (int) number(name, value);
            case "--token" -> token = value;
            case "--project" -> projects.add(value);
            case "--seed" -> seed = number(name, value);
            case "--initial-pipelines" -> initialPipelines = (int) number(name, value);
            case "--step-ms" -> stepMillis = number(name, value);
            case "--new-pipeline-interval-ms" -> newPipelineIntervalMillis = number(name, value);
            case "--fault-rate-limit" -> {
                String[] parts = value.split(":", 2);
                int count = (int) number(name, parts[0]);
                RateLimitStyle style = parts.length > 1 ? choice(name, parts[1], RateLimitStyle.class)
                        : RateLimitStyle.RETRY_AFTER;
                faults.add(modes -> modes.rateLimit(count, style));
            }
            case "--fault-server-errors" -> {
                int count = (int) number(name, value);
                faults.add(modes -> modes.serverErrors(count));
            }
            case "--fault-slow-ms" -> {
                Duration delay = Duration.ofMillis(number(name, value));
                faults.add(modes -> modes.slowResponses(delay));
            }
            case "--fault-malformed" -> {
                String[] parts = value.split(":", 2);
                int count = (int) number(name, parts[0]);
                MalformedBody kind = parts.length > 1 ? choice(name, parts[1], MalformedBody.class) : MalformedBody.NOT_JSON;
                faults.add(modes -> modes.malformedBodies(count, kind));
            }
            case "--fault-unknown-status" -> faults.add(modes -> modes
                    .unknownStatus(EntityKind.WORKFLOW, value)
                    .unknownStatus(EntityKind.JOB, value));
            case "--fault-missing-fields" -> {
                MissingFields level = choice(name, value, MissingFields.class);
                faults.add(modes -> modes.missingFields(level));
            }
            case "--fault-paging" -> {
                PagingFault mode = choice(name, value + "-cursor", PagingFault.class);
                faults.add(modes -> modes.paging(mode));
            }
            case "--token-budget-rpm" -> {
                int budget = (int) number(name, value);
                faults.add(modes -> modes.tokenBudget(budget));
            }
            default -> throw new IllegalArgumentException("Unknown option " + name + "; see --help");
        }
    }

    private static long number(String name, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0 || (parsed > Integer.MAX_VALUE && !name.equals("--seed"))) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + name + " needs a non-negative whole number, got '"
                    + value + "'", e);
        }
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        String constant = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, constant);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option " + name + " does not accept '" + value + "'; see --help", e);
        }
    }
}
