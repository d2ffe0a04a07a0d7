package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.JobType;
import java.time.Duration;
import java.util.List;

/** The workflows the simulated projects' configs define, with seeded job timings. */
final class WorkflowBlueprints {

    static final String SETUP_TAG = "setup";

    private final Duration step;

    WorkflowBlueprints(Duration step) {
        this.step = step;
    }

    /**
     * Builds {@code build-and-test}: {@code build} fans out to three test jobs that fan in to {@code package}.
     * A failing run fails {@code unit-tests} sooner than its siblings can finish, so the workflow is
     * {@code failing} for a while before it is {@code failed}.
     */
    WorkflowPlan buildAndTest(RandomSource random, boolean failing, boolean canceled) {
        List<String> afterBuild = List.of("build");
        JobPlan unitTests = failing ? quickFailure("unit-tests", afterBuild) : build("unit-tests", afterBuild, random);
        List<JobPlan> jobs = List.of(
                build("build", List.of(), random),
                unitTests,
                build("integration-tests", afterBuild, random),
                build("lint", afterBuild, random),
                build("package", List.of("unit-tests", "integration-tests", "lint"), random));
        Duration cancelAfter = canceled ? step.multipliedBy(2) : null;
        return new WorkflowPlan("build-and-test", null, jobs, cancelAfter);
    }

    /** Builds {@code nightly-lint}: two independent jobs; a failing run fails {@code dependency-audit} first. */
    WorkflowPlan nightlyLint(RandomSource random, boolean failing) {
        JobPlan audit = failing ? quickFailure("dependency-audit", List.of())
                : build("dependency-audit", List.of(), random);
        return new WorkflowPlan("nightly-lint", null, List.of(build("lint-docs", List.of(), random), audit), null);
    }

    /** Builds {@code deploy}: {@code build-image}, then the approval job {@code hold}, then {@code deploy-production}. */
    WorkflowPlan deploy(RandomSource random) {
        List<JobPlan> jobs = List.of(
                build("build-image", List.of(), random),
                approval("hold", List.of("build-image")),
                build("deploy-production", List.of("hold"), random));
        return new WorkflowPlan("deploy", null, jobs, null);
    }

    /** Builds the {@code setup} workflow of a dynamic-config pipeline: one job that generates the config. */
    WorkflowPlan setup(RandomSource random) {
        return new WorkflowPlan("setup", SETUP_TAG, List.of(build("generate-config", List.of(), random)), null);
    }

    private JobPlan build(String name, List<String> dependencies, RandomSource random) {
        Duration queue = random.between(step.dividedBy(2), step);
        Duration run = random.between(step, step.multipliedBy(2));
        return new JobPlan(name, JobType.BUILD, dependencies, step.dividedBy(4), queue, run, false);
    }

    /** Plans a job that is done after one step in total, while a normal job needs at least one and a half. */
    private JobPlan quickFailure(String name, List<String> dependencies) {
        Duration half = step.dividedBy(2);
        return new JobPlan(name, JobType.BUILD, dependencies, step.dividedBy(4), half, half, true);
    }

    private JobPlan approval(String name, List<String> dependencies) {
        return new JobPlan(name, JobType.APPROVAL, dependencies, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
    }
}
