package io.circlebridge.poller.detect;

import io.circlebridge.poller.circleci.CircleCiException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs failed CircleCI calls without flooding the log: during an outage the first failure is a WARN and the rest
 * DEBUG until a poll round passes without failure. A configuration problem (rejected token, missing permission,
 * unknown project) is an ERROR once per project, because it repeats on every poll until an operator acts.
 */
final class FailureLog {

    private static final Logger log = LoggerFactory.getLogger(ChangeDetector.class);

    private final Set<String> reportedConfigurationProblems = new HashSet<>();
    private boolean failing;
    private long suppressed;

    void failed(String projectSlug, String what, CircleCiException e) {
        if (e.isConfigurationProblem()) {
            if (reportedConfigurationProblems.add(projectSlug + ":" + e.kind())) {
                log.error("Cannot poll {}: {} {}. Fix the CircleCI token or the project list; the bridge keeps "
                        + "trying and logs this once.", projectSlug, what, e.getMessage());
            }
            return;
        }
        if (!failing) {
            failing = true;
            log.warn("CircleCI call failed: {}; it is retried on the next poll. Further failures are logged at "
                    + "DEBUG until a poll succeeds. Cause: {}", what, e.getMessage());
        } else {
            suppressed++;
            log.debug("CircleCI call failed: {}. Cause: {}", what, e.getMessage());
        }
    }

    /** Marks the end of a poll of {@code projectSlug}, which had {@code failures} failed calls. */
    void pollEnded(String projectSlug, int failures) {
        if (failures > 0) {
            return;
        }
        reportedConfigurationProblems.removeIf(key -> key.startsWith(projectSlug + ":"));
        if (failing) {
            log.info("CircleCI calls succeed again; {} more failures were logged at DEBUG only.", suppressed);
            failing = false;
            suppressed = 0;
        }
    }
}
