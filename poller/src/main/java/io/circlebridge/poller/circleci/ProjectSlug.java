package io.circlebridge.poller.circleci;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A CircleCI project slug in its short form: {@code gh/<org>/<repo>}, {@code bb/<org>/<repo>} or
 * {@code circleci/<org-id>/<project-id>}.
 *
 * <p>The long provider names {@code github} and {@code bitbucket}, which CircleCI's outbound webhooks use, are
 * normalized to {@code gh} and {@code bb}, so slugs from the API and from webhooks compare equal. {@code circleci}
 * slugs belong to GitHub App, GitLab and Bitbucket Data Center projects; their organization and project parts are
 * opaque ids, and only the {@code pipeline/run} endpoint can trigger them.
 *
 * @param provider {@code gh}, {@code bb} or {@code circleci}
 * @param organization organization name, or organization id for {@code circleci}
 * @param project repository name, or project id for {@code circleci}
 */
public record ProjectSlug(String provider, String organization, String project) {

    /** Provider of GitHub OAuth app projects. */
    public static final String GITHUB = "gh";
    /** Provider of Bitbucket Cloud projects. */
    public static final String BITBUCKET = "bb";
    /** Provider of GitHub App, GitLab and Bitbucket Data Center projects. */
    public static final String CIRCLECI = "circleci";

    private static final String EXPECTED_FORMS =
            "expected gh/<org>/<repo>, bb/<org>/<repo>, github/<org>/<repo>, bitbucket/<org>/<repo> "
                    + "or circleci/<org-id>/<project-id>";

    /** Normalizes the provider and checks that every part is a single non-blank path segment. */
    public ProjectSlug {
        provider = normalizeProvider(provider, provider + "/" + organization + "/" + project);
        requireSegment(organization, "organization", provider + "/" + organization + "/" + project);
        requireSegment(project, "project", provider + "/" + organization + "/" + project);
    }

    /**
     * Parses a slug in short or long form.
     *
     * @throws IllegalArgumentException when the slug does not have three parts or names an unknown provider
     */
    public static ProjectSlug parse(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("Project slug is missing; " + EXPECTED_FORMS);
        }
        List<String> parts = List.of(slug.strip().split("/", -1));
        if (parts.size() != 3) {
            throw new IllegalArgumentException("Invalid project slug '" + slug + "': " + EXPECTED_FORMS);
        }
        return new ProjectSlug(parts.get(0), parts.get(1), parts.get(2));
    }

    /**
     * Normalizes an organization slug ({@code gh/<org>}, {@code github/<org>}, {@code bb/<org>},
     * {@code bitbucket/<org>} or {@code circleci/<org-id>}) to its short form.
     *
     * @throws IllegalArgumentException when the slug does not have two parts or names an unknown provider
     */
    public static String normalizeOrganizationSlug(String organizationSlug) {
        String expected = "expected gh/<org>, bb/<org>, github/<org>, bitbucket/<org> or circleci/<org-id>";
        if (organizationSlug == null || organizationSlug.isBlank()) {
            throw new IllegalArgumentException("Organization slug is missing; " + expected);
        }
        List<String> parts = List.of(organizationSlug.strip().split("/", -1));
        if (parts.size() != 2 || parts.get(1).isBlank()) {
            throw new IllegalArgumentException("Invalid organization slug '" + organizationSlug + "': " + expected);
        }
        return normalizeProvider(parts.get(0), organizationSlug) + "/" + parts.get(1);
    }

    /** Returns true for {@code circleci/...} slugs, which the legacy trigger endpoint rejects. */
    public boolean isCircleCiProvider() {
        return CIRCLECI.equals(provider);
    }

    /** Returns the three path segments, in order, for endpoints that take the slug as separate segments. */
    public List<String> segments() {
        return List.of(provider, organization, project);
    }

    /** Returns the short form, for example {@code gh/example-org/example-repo}. */
    @Override
    public String toString() {
        return provider + "/" + organization + "/" + project;
    }

    private static String normalizeProvider(String provider, String slug) {
        Objects.requireNonNull(provider, "provider");
        switch (provider.strip().toLowerCase(Locale.ROOT)) {
            case "gh":
            case "github":
                return GITHUB;
            case "bb":
            case "bitbucket":
                return BITBUCKET;
            case "circleci":
                return CIRCLECI;
            default:
                throw new IllegalArgumentException("Invalid slug '" + slug + "': unknown provider '" + provider
                        + "'; " + EXPECTED_FORMS);
        }
    }

    private static void requireSegment(String value, String part, String slug) {
        if (value == null || value.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException("Invalid project slug '" + slug + "': the " + part
                    + " part is blank or contains '/'; " + EXPECTED_FORMS);
        }
    }
}
