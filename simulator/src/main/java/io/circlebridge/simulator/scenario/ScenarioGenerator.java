package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.PipelineState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decides, from the seed, what each new pipeline builds and how its run will go. */
final class ScenarioGenerator {

    /** The login of the user who owns the API token; API-triggered pipelines carry this actor. */
    static final String API_USER_LOGIN = "example-api-user";

    private static final List<String> SUBJECTS = List.of(
            "Fix flaky integration test", "Bump dependencies", "Add retry to the upload step",
            "Refactor the build script", "Update README", "Speed up the test matrix");
    private static final List<PipelineError> ERROR_CHOICES = List.of(
            new PipelineError("config", "Config does not conform to schema: "
                    + "{:workflows {:build-and-test {:jobs [{:unit-tests (not (map? nil))}]}}}"),
            new PipelineError("config-fetch", "Failed to fetch config from the repository"));

    private final long seed;
    private final Duration step;
    private final WorkflowBlueprints blueprints;
    private final List<Actor> pushers;
    private final Actor apiUser;

    ScenarioGenerator(long seed, Duration step) {
        this.seed = seed;
        this.step = step;
        this.blueprints = new WorkflowBlueprints(step);
        RandomSource people = RandomSource.derive(seed, "actors", 0);
        this.pushers = List.of(
                new Actor(people.uuid(), "example-user-1", "https://avatars.example.com/u/1000001?v=4"),
                new Actor(people.uuid(), "example-user-2", null),
                new Actor(people.uuid(), "example-user-3", "https://avatars.example.com/u/1000003?v=4"));
        this.apiUser = new Actor(people.uuid(), API_USER_LOGIN, "https://avatars.example.com/u/1000009?v=4");
    }

    /** Returns the user who owns the simulator's API token. */
    Actor apiUser() {
        return apiUser;
    }

    /** Plans a pipeline that a push to the repository started. */
    PipelineDraft webhookPipeline(Project project, Instant createdAt) {
        long number = project.nextPipelineNumber();
        RandomSource random = RandomSource.derive(seed, project.slug(), number);
        Revision revision = revision(random, pickRef(project, random, number));
        return draft(project, number, random, createdAt, "webhook", random.pick(pushers), revision,
                Map.of(), Scenario.MIXED);
    }

    /** Plans a pipeline that an API call triggered; it starts {@code pending}. */
    PipelineDraft apiPipeline(Project project, Instant createdAt, TriggerRequest request) {
        long number = project.nextPipelineNumber();
        RandomSource random = RandomSource.derive(seed, project.slug(), number);
        Revision revision = revision(random, new String[] {request.branch(), request.tag()});
        return draft(project, number, random, createdAt, "api", apiUser, revision,
                request.parameters(), request.scenario());
    }

    private PipelineDraft draft(Project project, long number, RandomSource random, Instant createdAt,
            String triggerType, Actor actor, Revision revision, Map<String, Object> parameters, Scenario scenario) {
        Scenario shape = scenario == Scenario.MIXED ? pickMixed(random) : scenario;
        boolean onDefaultBranch = Project.DEFAULT_BRANCH.equals(revision.branch());
        List<PipelineError> errors = shape == Scenario.ERRORED ? List.of(random.pick(ERROR_CHOICES)) : List.of();
        List<WorkflowPlan> setup = shape == Scenario.SETUP ? List.of(blueprints.setup(random)) : List.of();
        List<WorkflowPlan> main = mainPlans(shape, scenario == Scenario.MIXED, onDefaultBranch, random);

        PipelineState settledState = switch (shape) {
            case ERRORED -> PipelineState.ERRORED;
            case SETUP -> PipelineState.SETUP_PENDING;
            default -> PipelineState.CREATED;
        };
        boolean viaApi = "api".equals(triggerType);
        PipelineState initial = viaApi ? PipelineState.PENDING : settledState;
        PipelineState pending = viaApi ? settledState : null;
        Instant pendingAt = viaApi ? createdAt.plus(step.dividedBy(2)) : null;
        Instant workflowsAt = shape == Scenario.ERRORED ? null : createdAt.plus(step.multipliedBy(3).dividedBy(2));
        Instant receivedAt = createdAt.minusMillis(100 + random.nextInt(300));

        return new PipelineDraft(random.uuid(), project, number, createdAt, receivedAt, triggerType, actor,
                revision, parameters, errors, random, initial, pending, pendingAt, setup, main, workflowsAt);
    }

    /** Chooses the shape of a mixed run: about 8% errored, 10% setup, the rest plain. */
    private Scenario pickMixed(RandomSource random) {
        if (random.chance(0.08)) {
            return Scenario.ERRORED;
        }
        return random.chance(0.1) ? Scenario.SETUP : Scenario.MIXED;
    }

    private List<WorkflowPlan> mainPlans(Scenario shape, boolean mixed, boolean onDefaultBranch, RandomSource random) {
        if (shape == Scenario.ERRORED) {
            return List.of();
        }
        if (!mixed) {
            return List.of(switch (shape) {
                case FAILURE -> blueprints.buildAndTest(random, true, false);
                case CANCELED -> blueprints.buildAndTest(random, false, true);
                case APPROVAL -> blueprints.deploy(random);
                default -> blueprints.buildAndTest(random, false, false);
            });
        }
        List<WorkflowPlan> plans = new ArrayList<>();
        boolean failing = random.chance(0.2);
        plans.add(blueprints.buildAndTest(random, failing, !failing && random.chance(0.05)));
        if (random.chance(0.35)) {
            plans.add(blueprints.nightlyLint(random, random.chance(0.1)));
        }
        if (onDefaultBranch && random.chance(0.5)) {
            plans.add(blueprints.deploy(random));
        }
        return plans;
    }

    /** Returns {branch, tag}: half the pushes go to the default branch, a few are release tags. */
    private String[] pickRef(Project project, RandomSource random, long number) {
        if (random.chance(0.05)) {
            return new String[] {null, "v1." + number + ".0"};
        }
        String branch = random.chance(0.5) ? Project.DEFAULT_BRANCH : random.pick(project.branches());
        return new String[] {branch, null};
    }

    private Revision revision(RandomSource random, String[] ref) {
        String subject = random.pick(SUBJECTS);
        return new Revision(random.hex(40), ref[0], ref[1], subject, "Signed-off-by: Example Author <author@example.com>");
    }
}
