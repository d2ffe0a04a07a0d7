package io.circlebridge.poller;

import io.circlebridge.poller.detect.ChangeDetector;
import io.circlebridge.poller.detect.PipelineCheckpoint;
import io.circlebridge.poller.detect.PollResult;
import io.circlebridge.poller.kafka.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every configured project once per call of {@link #pollAll()}, writes what changed, and only then moves its
 * checkpoints forward, so a failed write is polled and written again.
 */
public final class PipelinePoller {

    private static final Logger log = LoggerFactory.getLogger(PipelinePoller.class);
    private static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

    private final List<String> projects;
    private final ChangeDetector detector;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Map<String, PipelineCheckpoint> checkpoints;
    private final PollStatistics statistics = new PollStatistics();
    private Instant lastSummary;

    public PipelinePoller(List<String> projects, ChangeDetector detector, EventPublisher publisher, Clock clock,
                          Map<String, PipelineCheckpoint> restoredCheckpoints) {
        this.projects = List.copyOf(projects);
        this.detector = detector;
        this.publisher = publisher;
        this.clock = clock;
        this.checkpoints = new HashMap<>(restoredCheckpoints);
        this.lastSummary = clock.instant();
    }

    /**
     * Polls each project and writes its changes in one transaction per project.
     *
     * @throws EventPublisher.FatalPublishException when events can no longer be written and the poller must stop
     */
    public void pollAll() {
        for (String project : projects) {
            PollResult result = detector.poll(project, checkpoints);
            statistics.recordPoll(result);
            if (result.isEmpty()) {
                continue;
            }
            try {
                publisher.publish(result);
            } catch (KafkaException e) {
                statistics.recordFailedWrite();
                log.warn("Writing {} events of {} failed and was rolled back; they are polled again next time. "
                        + "Cause: {}", result.eventCount(), project, e.toString());
                continue;
            }
            checkpoints.putAll(result.checkpoints());
            result.forgottenPipelines().forEach(checkpoints::remove);
            statistics.recordWrite(result);
            log.debug("Wrote {} pipeline, {} workflow and {} job events of {}", result.pipelineEvents().size(),
                    result.workflowEvents().size(), result.jobEvents().size(), project);
        }
        logSummaryWhenDue();
    }

    /** Pipelines the poller currently tracks, finished or not. */
    public int trackedPipelines() {
        return checkpoints.size();
    }

    public PollStatistics statistics() {
        return statistics;
    }

    private void logSummaryWhenDue() {
        Instant now = clock.instant();
        if (Duration.between(lastSummary, now).compareTo(SUMMARY_INTERVAL) < 0) {
            return;
        }
        long unfinished = checkpoints.values().stream().filter(checkpoint -> !checkpoint.finished()).count();
        log.info("Poller: {} events written in {} polls since start; tracking {} pipelines ({} unfinished); "
                        + "{} failed CircleCI calls, {} failed writes", statistics.eventsWritten(),
                statistics.polls(), checkpoints.size(), unfinished, statistics.failedCalls(),
                statistics.failedWrites());
        lastSummary = now;
    }
}
