package io.circlebridge.simulator.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A followed project: its names and ids, known branches, environment variables and number counters.
 *
 * <p>Mutable parts (counters, environment variables) change only under the {@link Simulation}'s lock.
 */
public final class Project {

    /** The branch that pipelines build when a trigger names none. */
    public static final String DEFAULT_BRANCH = "main";

    private static final List<String> BRANCHES =
            List.of(DEFAULT_BRANCH, "feature/faster-builds", "feature/dark-mode", "fix/flaky-tests");

    private final String slug;
    private final VcsProvider provider;
    private final String organization;
    private final String repository;
    private final String organizationId;
    private final String projectId;
    private final String projectUuid;
    private final Map<String, EnvVar> envVars = new LinkedHashMap<>();
    private long lastPipelineNumber;
    private long lastJobNumber;

    Project(String slug, RandomSource random) {
        String[] parts = slug.split("/");
        if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("Invalid project slug '" + slug
                    + "': expected <vcs>/<organization>/<repository>, such as gh/example-org/example-repo");
        }
        this.provider = VcsProvider.fromSlugPrefix(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                "Unsupported VCS '" + parts[0] + "' in project slug '" + slug + "': use gh, github, bb or bitbucket"));
        this.organization = parts[1];
        this.repository = parts[2];
        this.slug = provider.shortPrefix() + "/" + organization + "/" + repository;
        this.organizationId = random.base62(22);
        this.projectId = random.base62(22);
        this.projectUuid = random.uuid();
        this.lastPipelineNumber = 0;
        this.lastJobNumber = 100 + random.nextInt(900);
    }

    /** Returns the slug in the short form the API reports, such as {@code gh/example-org/example-repo}. */
    public String slug() {
        return slug;
    }

    public VcsProvider provider() {
        return provider;
    }

    public String organization() {
        return organization;
    }

    public String repository() {
        return repository;
    }

    /** Returns the opaque organization id used in {@code circleci/<org-id>/<project-id>} slugs. */
    public String organizationId() {
        return organizationId;
    }

    /** Returns the opaque project id used in {@code circleci/<org-id>/<project-id>} slugs. */
    public String projectId() {
        return projectId;
    }

    /** Returns the project's UUID, as insights and job details report it. */
    public String projectUuid() {
        return projectUuid;
    }

    /** Returns the organization slug, such as {@code gh/example-org}. */
    public String organizationSlug() {
        return provider.shortPrefix() + "/" + organization;
    }

    /** Returns the repository's web URL, such as {@code https://github.com/example-org/example-repo}. */
    public String repositoryUrl() {
        return provider.webBase() + organization + "/" + repository;
    }

    /** Returns the branches this project's repository has. */
    public List<String> branches() {
        return BRANCHES;
    }

    /** Returns whether the repository has {@code branch}; pull request refs such as {@code pull/12/head} count. */
    public boolean hasBranch(String branch) {
        return BRANCHES.contains(branch) || branch.matches("pull/\\d+/(head|merge)");
    }

    /** Returns whether {@code vcs/org/name} addresses this project, in the short, long or {@code circleci} form. */
    public boolean matches(String vcs, String org, String name) {
        if ("circleci".equals(vcs)) {
            return organizationId.equals(org) && projectId.equals(name);
        }
        Optional<VcsProvider> named = VcsProvider.fromSlugPrefix(vcs);
        return named.isPresent() && named.get() == provider
                && organization.equalsIgnoreCase(org) && repository.equalsIgnoreCase(name);
    }

    /** Returns whether an organization slug such as {@code gh/example-org} or {@code circleci/<org-id>} names this project's organization. */
    public boolean inOrganization(String organizationSlug) {
        String[] parts = organizationSlug.toLowerCase(Locale.ROOT).split("/");
        if (parts.length != 2) {
            return false;
        }
        if ("circleci".equals(parts[0])) {
            return organizationId.equalsIgnoreCase(parts[1]);
        }
        return VcsProvider.fromSlugPrefix(parts[0]).filter(named -> named == provider).isPresent()
                && organization.equalsIgnoreCase(parts[1]);
    }

    /** Returns the environment variables in creation order. */
    public List<EnvVar> envVars() {
        return new ArrayList<>(envVars.values());
    }

    /** Sets a variable, replacing its value and creation time when it exists. */
    public void putEnvVar(String name, String value, Instant createdAt) {
        envVars.put(name, new EnvVar(name, value, createdAt));
    }

    /** Removes a variable; returns whether it existed. */
    public boolean removeEnvVar(String name) {
        return envVars.remove(name) != null;
    }

    long nextPipelineNumber() {
        return ++lastPipelineNumber;
    }

    long nextJobNumber() {
        return ++lastJobNumber;
    }
}
