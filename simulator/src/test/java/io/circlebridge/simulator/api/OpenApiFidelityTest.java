package io.circlebridge.simulator.api;

import static io.circlebridge.simulator.support.SimulatorFixture.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.simulator.fault.MissingFields;
import io.circlebridge.simulator.fault.RateLimitStyle;
import io.circlebridge.simulator.model.EntityKind;
import io.circlebridge.simulator.model.JobSnapshot;
import io.circlebridge.simulator.model.JobType;
import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.WorkflowSnapshot;
import io.circlebridge.simulator.support.SimulatorClient.Reply;
import io.circlebridge.simulator.support.SimulatorFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Validates every kind of simulator response against the schema CircleCI's OpenAPI spec declares for its operation
 * and status. Responses are taken twice: while pipelines run (nulls, empty lists) and after they settle.
 */
class OpenApiFidelityTest {

    private static final String UNKNOWN_ID = "8a1f7f34-0c1e-4d7e-9d43-111111111111";
    private static final List<String> SCENARIOS =
            List.of("success", "failure", "approval", "errored", "setup", "canceled");

    private final OpenApiContract contract = new OpenApiContract();
    private SimulatorFixture fixture;

    @BeforeEach
    void startWithEveryScenario() {
        fixture = SimulatorFixture.start(3);
        SCENARIOS.forEach(fixture::trigger);
        fixture.client().postJson("/project/" + PROJECT + "/pipeline", "{\"tag\":\"v1.0.0\"}");
        fixture.clock().advance(SimulatorFixture.STEP.multipliedBy(3));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void shouldConformWhileRunningAndAfterSettling() {
        validateEverything();

        fixture.advanceUntil(() -> fixture.simulator().isQuiescent());

        validateEverything();
    }

    @Test
    void shouldConformWithOptionalFieldsLeftOut() {
        fixture.simulator().faults().missingFields(MissingFields.OPTIONAL);

        validateEverything();
    }

    @Test
    void shouldConformForErrorAnswers() {
        assertConforms("GET", "/project/{project-slug}/pipeline", "/project/" + PROJECT + "/pipeline?page-token=x", 404);
        assertConforms("GET", "/project/{project-slug}/pipeline", "/project/gh/example-org/missing/pipeline", 404);
        assertConforms("GET", "/pipeline/{pipeline-id}", "/pipeline/" + UNKNOWN_ID, 404);
        assertConforms("GET", "/pipeline/{pipeline-id}/workflow", "/pipeline/" + UNKNOWN_ID + "/workflow", 404);
        assertConforms("GET", "/workflow/{id}", "/workflow/" + UNKNOWN_ID, 404);
        assertConforms("GET", "/workflow/{id}/job", "/workflow/" + UNKNOWN_ID + "/job", 404);
        assertConforms("GET", "/project/{project-slug}/job/{job-number}", "/project/" + PROJECT + "/job/99999", 404);
        assertConforms("GET", "/insights/{project-slug}/workflows",
                "/insights/" + PROJECT + "/workflows?reporting-window=forever", 400);
        Reply unauthorized = fixture.client().getWithoutToken("/project/" + PROJECT + "/envvar");
        assertReply("GET", "/project/{project-slug}/envvar", unauthorized, 401);
    }

    @Test
    void shouldConformForInjectedErrors() {
        fixture.simulator().faults().rateLimit(1, RateLimitStyle.RETRY_AFTER).rateLimit(1, RateLimitStyle.NO_HEADERS)
                .serverErrors(1, 500);

        assertConforms("GET", "/pipeline", "/pipeline", 500);
        assertConforms("GET", "/pipeline", "/pipeline", 429);
        assertConforms("GET", "/pipeline", "/pipeline", 429);
    }

    @Test
    void shouldConformForLegacyTriggerAnswers() {
        String trigger = "/project/" + PROJECT + "/pipeline";
        String template = "/project/{project-slug}/pipeline";

        assertReply("POST", template, fixture.client().postJson(trigger, "{\"branch\":\"main\"}"), 201);
        assertReply("POST", template, fixture.client().postJson(trigger, "{\"branch\":\"nope\"}"), 400);
        assertReply("POST", template, fixture.client().postJson(trigger, "{\"branch\":\"main\",\"tag\":\"v1\"}"), 400);
        assertReply("POST", template, fixture.client().post(trigger, "text/plain", "main"), 400);
        assertReply("POST", template, fixture.client().postJson("/project/gh/example-org/missing/pipeline", "{}"), 404);
    }

    @Test
    void shouldConformForRunTriggerAnswers() {
        String run = "/project/gh/example-org/example-repo/pipeline/run";
        String template = "/project/{provider}/{organization}/{project}/pipeline/run";

        assertReply("POST", template, fixture.client().postJson(run, "{\"config\":{\"branch\":\"main\"}}"), 201);
        assertReply("POST", template, fixture.client().postJson(run, "{\"parameters\":{\"simulator_skip\":true}}"), 200);
        assertReply("POST", template, fixture.client().postJson(run, "{\"unknown\":1}"), 400);
        assertReply("POST", template, fixture.client().postJson("/project/gh/example-org/missing/pipeline/run", "{}"), 404);
        Reply unauthorized = fixture.client().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(fixture.simulator().baseUrl() + run))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertReply("POST", template, unauthorized, 401);
    }

    @Test
    void shouldReportUnknownStatusAsViolation() {
        fixture.simulator().faults().unknownStatus(EntityKind.WORKFLOW, "quantum_superposition");
        String pipelineId = pipelineWithWorkflows().id();

        Reply reply = fixture.client().get("/pipeline/" + pipelineId + "/workflow");

        assertThat(contract.violations("GET", "/pipeline/{pipeline-id}/workflow", 200, reply.body()))
                .anySatisfy(violation -> assertThat(violation).contains("status"));
    }

    @Test
    void shouldReportMissingRequiredFieldAsViolation() {
        fixture.simulator().faults().missingFields(MissingFields.REQUIRED);
        String pipelineId = pipelineWithWorkflows().id();

        Reply reply = fixture.client().get("/pipeline/" + pipelineId + "/workflow");

        assertThat(contract.violations("GET", "/pipeline/{pipeline-id}/workflow", 200, reply.body()))
                .anySatisfy(violation -> assertThat(violation).contains("stopped_at"));
    }

    @Test
    void shouldRejectMutatedPipeline() {
        ObjectNode pipeline = (ObjectNode) fixture.client().get("/pipeline/" + pipelineWithWorkflows().id()).json();
        ObjectNode wrongType = pipeline.deepCopy().put("number", "seven");
        ObjectNode invented = pipeline.deepCopy().put("colour", "blue");
        ObjectNode badTime = pipeline.deepCopy().put("created_at", "yesterday");
        ObjectNode badId = pipeline.deepCopy().put("id", "pipeline-7");

        assertThat(contract.violations("GET", "/pipeline/{pipeline-id}", 200, pipeline)).isEmpty();
        assertThat(contract.violations("GET", "/pipeline/{pipeline-id}", 200, wrongType)).isNotEmpty();
        assertThat(contract.violations("GET", "/pipeline/{pipeline-id}", 200, invented)).isNotEmpty();
        assertThat(contract.violations("GET", "/pipeline/{pipeline-id}", 200, badTime)).isNotEmpty();
        assertThat(contract.violations("GET", "/pipeline/{pipeline-id}", 200, badId)).isNotEmpty();
    }

    private void validateEverything() {
        assertConforms("GET", "/project/{project-slug}/pipeline", "/project/" + PROJECT + "/pipeline", 200);
        assertConforms("GET", "/project/{project-slug}/pipeline", "/project/" + PROJECT + "/pipeline?branch=main", 200);
        assertConforms("GET", "/pipeline", "/pipeline?org-slug=gh/example-org", 200);
        assertConforms("GET", "/pipeline", "/pipeline?org-slug=gh/example-org&mine=true", 200);
        assertConforms("GET", "/project/{project-slug}/envvar", "/project/" + PROJECT + "/envvar", 200);
        assertConforms("GET", "/insights/{project-slug}/workflows",
                "/insights/" + PROJECT + "/workflows?all-branches=true&reporting-window=last-24-hours", 200);
        for (PipelineSnapshot pipeline : fixture.simulator().pipelines()) {
            assertConforms("GET", "/pipeline/{pipeline-id}", "/pipeline/" + pipeline.id(), 200);
            assertConforms("GET", "/pipeline/{pipeline-id}/workflow", "/pipeline/" + pipeline.id() + "/workflow", 200);
            for (WorkflowSnapshot workflow : pipeline.workflows()) {
                assertConforms("GET", "/workflow/{id}", "/workflow/" + workflow.id(), 200);
                assertConforms("GET", "/workflow/{id}/job", "/workflow/" + workflow.id() + "/job", 200);
                validateJobDetails(pipeline, workflow);
            }
        }
    }

    private void validateJobDetails(PipelineSnapshot pipeline, WorkflowSnapshot workflow) {
        for (JobSnapshot job : workflow.jobs()) {
            if (job.jobNumber() == null) {
                continue;
            }
            String path = "/project/" + pipeline.projectSlug() + "/job/" + job.jobNumber();
            int expected = job.type() == JobType.BUILD ? 200 : 404;
            assertConforms("GET", "/project/{project-slug}/job/{job-number}", path, expected);
        }
    }

    private PipelineSnapshot pipelineWithWorkflows() {
        fixture.clock().advance(Duration.ofMinutes(1));
        return fixture.simulator().pipelines().stream().filter(pipeline -> !pipeline.workflows().isEmpty())
                .findFirst().orElseThrow();
    }

    private void assertConforms(String method, String template, String path, int expectedStatus) {
        assertReply(method, template, fixture.client().get(path), expectedStatus);
    }

    private void assertReply(String method, String template, Reply reply, int expectedStatus) {
        String description = method + " " + template + " -> " + reply.status() + " " + reply.body();
        assertThat(reply.status()).as(description).isEqualTo(expectedStatus);
        assertThat(reply.header("Content-Type")).as(description).isEqualTo("application/json");
        assertThat(contract.violations(method, template, reply.status(), reply.body())).as(description).isEmpty();
    }
}
