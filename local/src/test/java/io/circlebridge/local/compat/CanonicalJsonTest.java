package io.circlebridge.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.schema.JobEvent;
import io.circlebridge.schema.JobStatus;
import io.circlebridge.schema.JobSummary;
import io.circlebridge.schema.OverallStatus;
import io.circlebridge.schema.PipelineState;
import io.circlebridge.schema.PipelineStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STARTED = Instant.ofEpochMilli(1_796_415_645_000L);
    private static final Instant OBSERVED = Instant.ofEpochMilli(1_796_415_649_410L);

    @Test
    void shouldMatchJavaScriptValueWithBareUnions() throws Exception {
        JobEvent job = runningJob();
        JsonNode printed = JSON.readTree("""
                {"job_id": "job-1", "workflow_id": "workflow-1", "pipeline_id": "pipeline-1",
                 "project_slug": "gh/org/repo", "job_number": 277, "name": "build", "type": "build",
                 "status": "RUNNING", "status_raw": "running", "started_at": 1796415645000, "stopped_at": null,
                 "observed_at": 1796415649410}""");

        List<String> differences = CanonicalJson.differences(CanonicalJson.fromJava(job, job.getSchema()),
                CanonicalJson.fromJavaScript(printed, job.getSchema()));

        assertThat(differences).isEmpty();
    }

    @Test
    void shouldMatchJavaScriptValueWithWrappedUnions() throws Exception {
        JobEvent job = runningJob();
        JsonNode printed = JSON.readTree("""
                {"job_id": "job-1", "workflow_id": "workflow-1", "pipeline_id": "pipeline-1",
                 "project_slug": "gh/org/repo", "job_number": {"long": 277}, "name": {"string": "build"},
                 "type": {"string": "build"}, "status": "RUNNING", "status_raw": {"string": "running"},
                 "started_at": {"long": 1796415645000}, "stopped_at": null, "observed_at": 1796415649410}""");

        List<String> differences = CanonicalJson.differences(CanonicalJson.fromJava(job, job.getSchema()),
                CanonicalJson.fromJavaScript(printed, job.getSchema()));

        assertThat(differences).isEmpty();
    }

    @Test
    void shouldWriteTimestampsAsEpochMillis() {
        JobEvent job = runningJob();

        JsonNode canonical = CanonicalJson.fromJava(job, job.getSchema());

        assertThat(canonical.get("started_at").isIntegralNumber()).isTrue();
        assertThat(canonical.get("started_at").longValue()).isEqualTo(STARTED.toEpochMilli());
        assertThat(canonical.get("stopped_at").isNull()).isTrue();
    }

    @Test
    void shouldReportTimestampPrintedAsText() {
        JobEvent job = runningJob();
        ObjectNode printed = (ObjectNode) CanonicalJson.fromJava(job, job.getSchema());
        printed.put("observed_at", "2026-12-04T20:20:49.410Z");

        List<String> differences = CanonicalJson.differences(CanonicalJson.fromJava(job, job.getSchema()),
                CanonicalJson.fromJavaScript(printed, job.getSchema()));

        assertThat(differences).containsExactly(
                "observed_at: expected 1796415649410 but was \"2026-12-04T20:20:49.410Z\"");
    }

    @Test
    void shouldReportNestedDifferenceWithPath() throws Exception {
        PipelineStatus status = pipelineStatus();
        JsonNode printed = JSON.readTree(CanonicalJson.fromJava(status, status.getSchema()).toString()
                .replace("\"status_raw\":\"success\"", "\"status_raw\":\"failed\""));

        List<String> differences = CanonicalJson.differences(CanonicalJson.fromJava(status, status.getSchema()),
                CanonicalJson.fromJavaScript(printed, status.getSchema()));

        assertThat(differences).containsExactly("jobs[0].status_raw: expected \"success\" but was \"failed\"");
    }

    @Test
    void shouldReportMissingAndUnexpectedFields() throws Exception {
        JobEvent job = runningJob();
        JsonNode printed = JSON.readTree(CanonicalJson.fromJava(job, job.getSchema()).toString()
                .replace("\"type\":", "\"kind\":"));

        List<String> differences = CanonicalJson.differences(CanonicalJson.fromJava(job, job.getSchema()),
                CanonicalJson.fromJavaScript(printed, job.getSchema()));

        assertThat(differences).containsExactly(
                "type: missing, expected \"build\"",
                "kind: unexpected field with \"build\"");
    }

    private static JobEvent runningJob() {
        return JobEvent.newBuilder()
                .setJobId("job-1")
                .setWorkflowId("workflow-1")
                .setPipelineId("pipeline-1")
                .setProjectSlug("gh/org/repo")
                .setJobNumber(277L)
                .setName("build")
                .setType("build")
                .setStatus(JobStatus.RUNNING)
                .setStatusRaw("running")
                .setStartedAt(STARTED)
                .setStoppedAt(null)
                .setObservedAt(OBSERVED)
                .build();
    }

    private static PipelineStatus pipelineStatus() {
        return PipelineStatus.newBuilder()
                .setPipelineId("pipeline-1")
                .setProjectSlug("gh/org/repo")
                .setNumber(2L)
                .setBranch("main")
                .setState(PipelineState.CREATED)
                .setStateRaw("created")
                .setOverallStatus(OverallStatus.SUCCESS)
                .setWorkflows(List.of())
                .setJobs(List.of(new JobSummary("job-1", "workflow-1", "build", JobStatus.SUCCESS, "success",
                        OBSERVED)))
                .setJobCounts(Map.of("SUCCESS", 1))
                .setUpdatedAt(OBSERVED)
                .build();
    }
}
