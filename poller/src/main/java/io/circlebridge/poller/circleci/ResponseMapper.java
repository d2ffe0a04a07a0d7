package io.circlebridge.poller.circleci;

import static io.circlebridge.poller.circleci.JsonFields.decimal;
import static io.circlebridge.poller.circleci.JsonFields.instant;
import static io.circlebridge.poller.circleci.JsonFields.integer;
import static io.circlebridge.poller.circleci.JsonFields.list;
import static io.circlebridge.poller.circleci.JsonFields.nonBlankText;
import static io.circlebridge.poller.circleci.JsonFields.object;
import static io.circlebridge.poller.circleci.JsonFields.requireObject;
import static io.circlebridge.poller.circleci.JsonFields.text;
import static io.circlebridge.poller.circleci.JsonFields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Maps CircleCI's JSON objects to the client's records. Unknown fields are ignored, missing ones become null, and
 * status and type strings are kept as received. A value of the wrong shape raises {@link MalformedItemException}.
 */
final class ResponseMapper {

    /** Sub-maps of {@code trigger_parameters} searched, in this order, for branch, tag and revision. */
    private static final List<String> TRIGGER_PARAMETER_SOURCES = List.of("git", "github_app", "gitlab", "bitbucket");

    private ResponseMapper() {
    }

    static Pipeline pipeline(JsonNode node) {
        requireObject(node, "pipeline");
        JsonNode trigger = object(node, "trigger");
        GitReference git = gitReference(node);
        List<PipelineError> errors = list(node, "errors", ResponseMapper::pipelineError);
        return new Pipeline(
                text(node, "id"),
                text(node, "project_slug"),
                integer(node, "number"),
                text(node, "state"),
                instant(node, "created_at"),
                instant(node, "updated_at"),
                text(trigger, "type"),
                text(object(trigger, "actor"), "login"),
                git.branch(),
                git.tag(),
                git.revision(),
                errors);
    }

    static Workflow workflow(JsonNode node) {
        requireObject(node, "workflow");
        return new Workflow(
                text(node, "id"),
                text(node, "pipeline_id"),
                integer(node, "pipeline_number"),
                text(node, "project_slug"),
                text(node, "name"),
                text(node, "status"),
                instant(node, "created_at"),
                instant(node, "stopped_at"),
                text(node, "tag"));
    }

    static Job job(JsonNode node) {
        requireObject(node, "job");
        return new Job(
                text(node, "id"),
                text(node, "name"),
                text(node, "type"),
                text(node, "status"),
                integer(node, "job_number"),
                text(node, "project_slug"),
                instant(node, "started_at"),
                instant(node, "stopped_at"),
                texts(node, "dependencies"),
                text(node, "approval_request_id"));
    }

    static JobDetails jobDetails(JsonNode node) {
        requireObject(node, "job details");
        JsonNode project = object(node, "project");
        JsonNode latestWorkflow = object(node, "latest_workflow");
        JsonNode executor = object(node, "executor");
        List<JobDetails.ParallelRun> parallelRuns = list(node, "parallel_runs", run -> {
            requireObject(run, "parallel run");
            return new JobDetails.ParallelRun(integer(run, "index"), text(run, "status"));
        });
        List<JobDetails.Message> messages = list(node, "messages", message -> {
            requireObject(message, "job message");
            return new JobDetails.Message(text(message, "type"), text(message, "message"), text(message, "reason"));
        });
        List<String> contexts = list(node, "contexts", context -> text(requireObject(context, "context"), "name"));
        return new JobDetails(
                integer(node, "number"),
                text(node, "name"),
                text(node, "status"),
                text(node, "web_url"),
                text(project, "id"),
                text(project, "slug"),
                text(project, "name"),
                text(project, "external_url"),
                text(object(node, "organization"), "name"),
                text(object(node, "pipeline"), "id"),
                text(latestWorkflow, "id"),
                text(latestWorkflow, "name"),
                text(executor, "type"),
                text(executor, "resource_class"),
                integer(node, "parallelism"),
                parallelRuns,
                instant(node, "created_at"),
                instant(node, "queued_at"),
                instant(node, "started_at"),
                instant(node, "stopped_at"),
                integer(node, "duration"),
                messages,
                contexts);
    }

    static EnvVar envVar(JsonNode node) {
        requireObject(node, "environment variable");
        return new EnvVar(text(node, "name"), text(node, "value"), instant(node, "created-at"));
    }

    static WorkflowMetrics workflowMetrics(JsonNode node) {
        requireObject(node, "workflow metrics");
        JsonNode metrics = object(node, "metrics");
        JsonNode durations = object(metrics, "duration_metrics");
        WorkflowMetrics.DurationMetrics duration = new WorkflowMetrics.DurationMetrics(
                integer(durations, "min"),
                integer(durations, "mean"),
                integer(durations, "median"),
                integer(durations, "p95"),
                integer(durations, "max"),
                decimal(durations, "standard_deviation"));
        return new WorkflowMetrics(
                text(node, "name"),
                text(node, "project_id"),
                instant(node, "window_start"),
                instant(node, "window_end"),
                integer(metrics, "total_runs"),
                integer(metrics, "successful_runs"),
                integer(metrics, "failed_runs"),
                decimal(metrics, "success_rate"),
                decimal(metrics, "throughput"),
                integer(metrics, "mttr"),
                integer(metrics, "total_recoveries"),
                integer(metrics, "total_credits_used"),
                duration);
    }

    /** Maps a trigger response. A body without an id but with a message means CircleCI created no pipeline. */
    static TriggeredPipeline triggeredPipeline(JsonNode node) {
        requireObject(node, "trigger response");
        String id = text(node, "id");
        String message = text(node, "message");
        return new TriggeredPipeline(id, integer(node, "number"), text(node, "state"), instant(node, "created_at"),
                id != null, id != null ? null : message);
    }

    private static PipelineError pipelineError(JsonNode node) {
        requireObject(node, "pipeline error");
        return new PipelineError(text(node, "type"), text(node, "message"));
    }

    /**
     * Reads branch, tag and revision from {@code vcs}; pipelines of GitHub App, GitLab and Bitbucket Data Center
     * projects have no {@code vcs} and carry them in {@code trigger_parameters} instead.
     */
    private static GitReference gitReference(JsonNode pipeline) {
        JsonNode vcs = object(pipeline, "vcs");
        if (vcs.isObject() && vcs.size() > 0) {
            return new GitReference(nonBlankText(vcs, "branch"), nonBlankText(vcs, "tag"),
                    nonBlankText(vcs, "revision"));
        }

        JsonNode parameters = object(pipeline, "trigger_parameters");
        List<JsonNode> sources = new ArrayList<>();
        for (String name : TRIGGER_PARAMETER_SOURCES) {
            JsonNode source = parameters.get(name);
            if (source != null && source.isObject()) {
                sources.add(source);
            }
        }
        Iterator<String> names = parameters.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode source = parameters.get(name);
            if (!TRIGGER_PARAMETER_SOURCES.contains(name) && source.isObject()) {
                sources.add(source);
            }
        }

        String branch = null;
        String tag = null;
        String revision = null;
        for (JsonNode source : sources) {
            branch = branch != null ? branch : nonBlankText(source, "branch");
            tag = tag != null ? tag : nonBlankText(source, "tag");
            revision = revision != null ? revision : firstNonNull(nonBlankText(source, "checkout_sha"),
                    nonBlankText(source, "commit_sha"));
        }
        return new GitReference(branch, tag, revision);
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private record GitReference(String branch, String tag, String revision) {
    }
}
