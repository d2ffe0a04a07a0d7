package io.circlebridge.local.view;

import io.circlebridge.schema.PipelineStatus;
import io.circlebridge.schema.WorkflowSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders pipeline statuses as a compact text table, newest pipeline first. */
public final class StatusTable {

    private static final String ROW = "%-34s %6s  %-20s %-9s %s%n";

    private StatusTable() {
    }

    /** Renders at most {@code maxRows} pipelines, with a header and a summary line of overall statuses. */
    public static String render(Collection<PipelineStatus> statuses, int maxRows, Instant now) {
        List<PipelineStatus> newestFirst = statuses.stream()
                .sorted(Comparator.comparing(StatusTable::createdAt).reversed()
                        .thenComparing(PipelineStatus::getPipelineId))
                .toList();

        StringBuilder text = new StringBuilder();
        text.append(String.format(ROW, "PROJECT", "#", "BRANCH/TAG", "STATUS", "WORKFLOWS"));
        for (PipelineStatus status : newestFirst.subList(0, Math.min(maxRows, newestFirst.size()))) {
            text.append(row(status));
        }
        if (newestFirst.size() > maxRows) {
            text.append(String.format("... and %d older pipelines%n", newestFirst.size() - maxRows));
        }
        text.append(String.format("%n%d pipelines: %s. Updated %s ago.%n", statuses.size(), summary(statuses),
                age(latestUpdate(statuses), now)));
        return text.toString();
    }

    /** One line for one pipeline, as printed when the view writes a line per change. */
    public static String row(PipelineStatus status) {
        return String.format(ROW,
                truncate(nullToDash(status.getProjectSlug()), 34),
                status.getNumber() == null ? "-" : status.getNumber(),
                truncate(status.getTag() != null ? "tag " + status.getTag() : nullToDash(status.getBranch()), 20),
                status.getOverallStatus(),
                workflows(status));
    }

    private static String workflows(PipelineStatus status) {
        if (status.getWorkflows().isEmpty()) {
            return status.getStateRaw() == null ? "" : "(pipeline " + status.getStateRaw() + ")";
        }
        return status.getWorkflows().stream()
                .map(workflow -> nullToDash(workflow.getName()) + ":" + statusOf(workflow))
                .collect(Collectors.joining(" "));
    }

    private static String statusOf(WorkflowSummary workflow) {
        return workflow.getStatusRaw() != null ? workflow.getStatusRaw() : workflow.getStatus().toString();
    }

    private static String summary(Collection<PipelineStatus> statuses) {
        Map<String, Long> counts = statuses.stream().collect(Collectors.groupingBy(
                status -> status.getOverallStatus().toString().toLowerCase(java.util.Locale.ROOT), TreeMap::new,
                Collectors.counting()));
        if (counts.isEmpty()) {
            return "none yet";
        }
        return counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    private static Instant createdAt(PipelineStatus status) {
        return status.getCreatedAt() != null ? status.getCreatedAt() : status.getUpdatedAt();
    }

    private static Instant latestUpdate(Collection<PipelineStatus> statuses) {
        return statuses.stream().map(PipelineStatus::getUpdatedAt).max(Comparator.naturalOrder()).orElse(null);
    }

    private static String age(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }

    private static String truncate(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width - 1) + "~";
    }
}
