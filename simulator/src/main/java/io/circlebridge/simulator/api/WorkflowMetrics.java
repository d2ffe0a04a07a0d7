package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.simulator.model.WorkflowStatus;
import io.circlebridge.simulator.scenario.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Summary metrics of one workflow name's finished runs, in the shape of an insights item. */
final class WorkflowMetrics {

    /** The run statuses insights count; a run that never ran or still runs is not a run there. */
    static final Set<WorkflowStatus> COUNTED = EnumSet.of(WorkflowStatus.SUCCESS, WorkflowStatus.FAILED,
            WorkflowStatus.ERROR, WorkflowStatus.CANCELED, WorkflowStatus.UNAUTHORIZED);

    /** Credits per started minute on the {@code medium} resource class the simulated jobs use. */
    private static final long CREDITS_PER_MINUTE = 10;

    private WorkflowMetrics() {
    }

    /**
     * Renders the item for {@code runs}, all of one workflow name.
     *
     * @param runs the counted runs, at least one
     * @param windowDays the reporting window in days, which {@code throughput} (runs per day) divides by
     */
    static ObjectNode item(String name, List<Workflow> runs, String projectId, double windowDays) {
        List<Workflow> ordered = runs.stream()
                .sorted(Comparator.comparing(Workflow::createdAt).thenComparingLong(run -> run.pipeline().number()))
                .toList();
        long[] durations = ordered.stream()
                .mapToLong(run -> Duration.between(run.createdAt(), run.stoppedAt()).toSeconds())
                .sorted()
                .toArray();
        long successes = ordered.stream().filter(run -> run.status() == WorkflowStatus.SUCCESS).count();
        long failures = ordered.stream()
                .filter(run -> run.status() == WorkflowStatus.FAILED || run.status() == WorkflowStatus.ERROR)
                .count();
        long[] recovery = recoveries(ordered);

        ObjectNode item = Json.object();
        item.put("name", name);
        ObjectNode metrics = item.putObject("metrics");
        metrics.put("total_runs", ordered.size());
        metrics.put("successful_runs", successes);
        metrics.put("mttr", recovery[0] == 0 ? 0 : recovery[1] / recovery[0]);
        metrics.put("total_credits_used", credits(durations));
        metrics.put("failed_runs", failures);
        metrics.put("success_rate", (double) successes / ordered.size());
        putDurations(metrics.putObject("duration_metrics"), durations);
        metrics.put("total_recoveries", recovery[0]);
        metrics.put("throughput", ordered.size() / windowDays);
        item.put("window_start", Json.millis(ordered.get(0).createdAt()));
        Instant lastStop = ordered.stream().map(Workflow::stoppedAt).max(Instant::compareTo).orElseThrow();
        item.put("window_end", Json.millis(lastStop));
        item.put("project_id", projectId);
        return item;
    }

    /** Returns {count, total seconds} of recoveries: a failure's stop until the next successful run's stop. */
    private static long[] recoveries(List<Workflow> ordered) {
        long count = 0;
        long totalSeconds = 0;
        Instant brokenSince = null;
        for (Workflow run : ordered) {
            if (run.status() == WorkflowStatus.SUCCESS && brokenSince != null) {
                count++;
                totalSeconds += Duration.between(brokenSince, run.stoppedAt()).toSeconds();
                brokenSince = null;
            } else if (run.status() != WorkflowStatus.SUCCESS && brokenSince == null) {
                brokenSince = run.stoppedAt();
            }
        }
        return new long[] {count, totalSeconds};
    }

    private static long credits(long[] durations) {
        long credits = 0;
        for (long seconds : durations) {
            credits += Math.max(1, (seconds + 59) / 60) * CREDITS_PER_MINUTE;
        }
        return credits;
    }

    private static void putDurations(ObjectNode node, long[] sorted) {
        double mean = 0;
        for (long seconds : sorted) {
            mean += seconds;
        }
        mean /= sorted.length;
        double variance = 0;
        for (long seconds : sorted) {
            variance += (seconds - mean) * (seconds - mean);
        }
        variance /= sorted.length;
        node.put("min", sorted[0]);
        node.put("mean", Math.round(mean));
        node.put("median", sorted[(sorted.length - 1) / 2]);
        node.put("p95", sorted[(int) Math.ceil(0.95 * sorted.length) - 1]);
        node.put("max", sorted[sorted.length - 1]);
        node.put("standard_deviation", Math.sqrt(variance));
    }
}
