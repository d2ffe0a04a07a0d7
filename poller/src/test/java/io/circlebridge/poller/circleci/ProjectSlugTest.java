package io.circlebridge.poller.circleci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectSlugTest {

    @ParameterizedTest
    @CsvSource({
        "gh/example-org/example-repo,                  gh/example-org/example-repo",
        "github/example-org/example-repo,              gh/example-org/example-repo",
        "GitHub/example-org/example-repo,              gh/example-org/example-repo",
        "bb/example-org/example-repo,                  bb/example-org/example-repo",
        "bitbucket/example-org/example-repo,           bb/example-org/example-repo",
        "circleci/43G3lM5RtfFE7v5sa4nWAU/44n9wujWcTnVZ2b5S8Fnat, circleci/43G3lM5RtfFE7v5sa4nWAU/44n9wujWcTnVZ2b5S8Fnat"
    })
    void shouldNormalizeToShortForm(String slug, String expected) {
        assertThat(ProjectSlug.parse(slug).toString()).isEqualTo(expected);
    }

    @Test
    void shouldCompareLongAndShortFormsEqual() {
        assertThat(ProjectSlug.parse("github/example-org/example-repo"))
                .isEqualTo(ProjectSlug.parse("gh/example-org/example-repo"));
    }

    @Test
    void shouldExposeSegments() {
        ProjectSlug slug = ProjectSlug.parse("circleci/org-id/project-id");

        assertThat(slug.segments()).isEqualTo(List.of("circleci", "org-id", "project-id"));
        assertThat(slug.isCircleCiProvider()).isTrue();
        assertThat(ProjectSlug.parse("gh/a/b").isCircleCiProvider()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gh/example-org", "gh/example-org/example-repo/extra", "gh//example-repo",
        "gh/example-org/", "example-repo"})
    void shouldRejectWrongNumberOfParts(String slug) {
        assertThatThrownBy(() -> ProjectSlug.parse(slug))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + slug + "'")
                .hasMessageContaining("expected gh/<org>/<repo>");
    }

    @Test
    void shouldRejectUnknownProvider() {
        assertThatThrownBy(() -> ProjectSlug.parse("gl/example-org/example-repo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid slug 'gl/example-org/example-repo': unknown provider 'gl'");
    }

    @Test
    void shouldRejectMissingSlug() {
        assertThatThrownBy(() -> ProjectSlug.parse(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Project slug is missing");
    }

    @ParameterizedTest
    @CsvSource({
        "gh/example-org,        gh/example-org",
        "github/example-org,    gh/example-org",
        "bitbucket/example-org, bb/example-org",
        "circleci/43G3lM5RtfFE7v5sa4nWAU, circleci/43G3lM5RtfFE7v5sa4nWAU"
    })
    void shouldNormalizeOrganizationSlug(String slug, String expected) {
        assertThat(ProjectSlug.normalizeOrganizationSlug(slug)).isEqualTo(expected);
    }

    @Test
    void shouldRejectOrganizationSlugWithRepository() {
        assertThatThrownBy(() -> ProjectSlug.normalizeOrganizationSlug("gh/example-org/example-repo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected gh/<org>");
    }
}
