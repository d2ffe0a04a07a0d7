package io.circlebridge.simulator.scenario;

import io.circlebridge.simulator.model.PipelineSnapshot;
import io.circlebridge.simulator.model.StateChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulated CircleCI account: projects, pipelines and the ground-truth log, advanced lazily to the clock.
 *
 * <p>Every public method first applies all changes scheduled up to the clock's current instant, under one lock.
 * The read accessors ({@link #projects()}, {@link #pipeline(String)} and the like) return live objects and must
 * be called only inside {@link #query(Function)}, which holds that lock.
 */
public final class Simulation {

    private static final List<String> ENV_VAR_NAMES = List.of("AWS_ACCESS_KEY_ID", "DEPLOY_TOKEN", "NPM_TOKEN");

    private final Clock clock;
    private final SimulationSettings settings;
    private final List<Project> projects;
    private final ScenarioGenerator generator;
    private final GroundTruthLog log = new GroundTruthLog();
    private final SimulationIndex index = new SimulationIndex();
    private final Progression progression;
    private final List<Pipeline> unsettled = new ArrayList<>();
    private final Deque<Instant> initialCreations = new ArrayDeque<>();
    private Instant nextWebhookAt;
    private boolean started;

    public Simulation(Clock clock, SimulationSettings settings, List<String> projectSlugs) {
        this.clock = clock;
        this.settings = settings;
        this.generator = new ScenarioGenerator(settings.seed(), settings.stepDuration());
        this.progression = new Progression(log, index, settings.stepDuration());
        this.projects = createProjects(projectSlugs, settings.seed());
    }

    /** Schedules the initial pipelines, staggered one step apart and ending now, and the first webhook pipeline. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("The simulation is already started");
        }
        started = true;
        Instant now = now();
        for (Project project : projects) {
            for (int i = 0; i < ENV_VAR_NAMES.size(); i++) {
                RandomSource random = RandomSource.derive(settings.seed(), project.slug() + "/envvar", i);
                project.putEnvVar(ENV_VAR_NAMES.get(i), random.base62(24), now.minus(Duration.ofDays(30L - i)));
            }
        }
        for (int i = settings.initialPipelines() - 1; i >= 0; i--) {
            initialCreations.add(now.minus(settings.stepDuration().multipliedBy(i)));
        }
        if (!settings.newPipelineInterval().isZero()) {
            nextWebhookAt = now.plus(settings.newPipelineInterval());
        }
        advanceTo(now);
    }

    /** Applies every change scheduled up to the clock's current instant. */
    public synchronized void advance() {
        advanceTo(now());
    }

    /** Advances to the clock, then runs {@code reader} under the lock so it reads one consistent state. */
    public synchronized <T> T query(Function<Simulation, T> reader) {
        advanceTo(now());
        return reader.apply(this);
    }

    /** Creates a pipeline for an API trigger at the clock's current instant; it starts {@code pending}. */
    public synchronized Pipeline trigger(Project project, TriggerRequest request) {
        Instant now = now();
        advanceTo(now);
        Pipeline pipeline = progression.create(generator.apiPipeline(project, now, request));
        unsettled.add(pipeline);
        return pipeline;
    }

    /**
     * Approves the on-hold approval jobs of a workflow.
     *
     * @throws IllegalArgumentException when no workflow has that id
     * @throws IllegalStateException when the workflow is not {@code on_hold}
     */
    public synchronized void approve(String workflowId) {
        Instant now = now();
        advanceTo(now);
        Workflow workflow = index.workflow(workflowId)
                .orElseThrow(() -> new IllegalArgumentException("No workflow has id " + workflowId));
        progression.approve(workflow, now, generator.apiUser().id());
        if (!unsettled.contains(workflow.pipeline())) {
            unsettled.add(workflow.pipeline());
        }
        advanceTo(now);
    }

    /** Creates or replaces a project environment variable, created now. */
    public synchronized void putEnvVar(String projectSlug, String name, String value) {
        requireProject(projectSlug).putEnvVar(name, value, now());
    }

    /** Returns a project's slug in the {@code circleci/<org-id>/<project-id>} form. */
    public String circleciSlug(String projectSlug) {
        Project project = requireProject(projectSlug);
        return "circleci/" + project.organizationId() + "/" + project.projectId();
    }

    /** Removes a project environment variable; returns whether it existed. */
    public synchronized boolean removeEnvVar(String projectSlug, String name) {
        return requireProject(projectSlug).removeEnvVar(name);
    }

    /** Returns every status change so far, in the order the simulation made them. */
    public synchronized List<StateChange> groundTruth() {
        advanceTo(now());
        return log.snapshot();
    }

    /** Returns a snapshot of every pipeline, in creation order. */
    public synchronized List<PipelineSnapshot> snapshot() {
        advanceTo(now());
        return index.pipelines().stream().map(Pipeline::snapshot).toList();
    }

    /** Returns whether every pipeline is errored or has all its workflows terminal or on hold. */
    public synchronized boolean isQuiescent() {
        advanceTo(now());
        return initialCreations.isEmpty() && index.pipelines().stream().allMatch(Pipeline::isSettled);
    }

    /** Returns the configured projects. Call only inside {@link #query(Function)}. */
    public List<Project> projects() {
        return Collections.unmodifiableList(projects);
    }

    /** Returns the user who owns the API token. */
    public Actor apiUser() {
        return generator.apiUser();
    }

    /** Returns every pipeline in creation order. Call only inside {@link #query(Function)}. */
    public List<Pipeline> pipelines() {
        return Collections.unmodifiableList(index.pipelines());
    }

    /** Returns the project's pipelines, highest number first. Call only inside {@link #query(Function)}. */
    public List<Pipeline> pipelines(Project project) {
        return index.pipelines().stream()
                .filter(pipeline -> pipeline.project() == project)
                .sorted(Comparator.comparingLong(Pipeline::number).reversed())
                .toList();
    }

    /** Finds a pipeline by id. Call only inside {@link #query(Function)}. */
    public Optional<Pipeline> pipeline(String id) {
        return index.pipeline(id);
    }

    /** Finds a workflow by id. Call only inside {@link #query(Function)}. */
    public Optional<Workflow> workflow(String id) {
        return index.workflow(id);
    }

    /** Finds a job by its project-wide number. Call only inside {@link #query(Function)}. */
    public Optional<Job> job(Project project, long number) {
        return index.job(project, number);
    }

    /** Finds the project that {@code vcs/org/name} addresses in any slug form. */
    public Optional<Project> project(String vcs, String org, String name) {
        return projects.stream().filter(project -> project.matches(vcs, org, name)).findFirst();
    }

    /** Returns the clock's current instant in whole milliseconds, the precision the API reports. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void advanceTo(Instant now) {
        if (!started) {
            return;
        }
        while (true) {
            Instant creation = earliest(initialCreations.peekFirst(), nextWebhookAt);
            Instant next = creation;
            for (Pipeline pipeline : unsettled) {
                next = earliest(next, progression.nextChangeAt(pipeline));
            }
            if (next == null || next.isAfter(now)) {
                return;
            }
            if (next.equals(creation)) {
                createWebhookPipelines(creation);
                continue;
            }
            for (Pipeline pipeline : new ArrayList<>(unsettled)) {
                progression.advance(pipeline, next);
            }
            unsettled.removeIf(Pipeline::isSettled);
        }
    }

    // NOTE: nothing is ever pruned, and a clock jump of D creates D / newPipelineInterval pipelines per project at
    // once, so memory grows with simulated time; a long real-time run with a short interval keeps growing.
    private void createWebhookPipelines(Instant at) {
        if (at.equals(initialCreations.peekFirst())) {
            initialCreations.removeFirst();
        } else {
            nextWebhookAt = nextWebhookAt.plus(settings.newPipelineInterval());
        }
        for (Project project : projects) {
            Pipeline pipeline = progression.create(generator.webhookPipeline(project, at));
            if (!pipeline.isSettled()) {
                unsettled.add(pipeline);
            }
        }
    }

    private Project requireProject(String slug) {
        String[] parts = slug.split("/");
        Optional<Project> project = parts.length == 3 ? project(parts[0], parts[1], parts[2]) : Optional.empty();
        return project.orElseThrow(() -> new IllegalArgumentException("No configured project has slug " + slug));
    }

    private static List<Project> createProjects(List<String> slugs, long seed) {
        List<Project> created = new ArrayList<>();
        for (String slug : slugs) {
            Project project = new Project(slug, RandomSource.derive(seed, slug, 0));
            if (created.stream().anyMatch(other -> other.slug().equals(project.slug()))) {
                throw new IllegalArgumentException("Project " + project.slug() + " is configured twice");
            }
            created.add(project);
        }
        return created;
    }

    private static Instant earliest(Instant first, Instant second) {
        if (first == null) {
            return second;
        }
        return second == null || first.isBefore(second) ? first : second;
    }
}
