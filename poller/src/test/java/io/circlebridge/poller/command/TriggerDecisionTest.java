package io.circlebridge.poller.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.circlebridge.schema.TriggerPipelineCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriggerDecisionTest {

    private static final Set<String> ALLOWED = Set.of("gh/example-org/example-repo");

    @Test
    void shouldAcceptAllowedProjectWithBranch() {
        TriggerPipelineCommand command = command("gh/example-org/example-repo", "main", null);

        assertThat(TriggerDecision.rejectionReason(command, ALLOWED)).isNull();
    }

    @Test
    void shouldAcceptLongSlugFormOfAllowedProject() {
        TriggerPipelineCommand command = command("github/example-org/example-repo", null, "v1.0.0");

        assertThat(TriggerDecision.rejectionReason(command, ALLOWED)).isNull();
    }

    @Test
    void shouldRejectBothBranchAndTag() {
        TriggerPipelineCommand command = command("gh/example-org/example-repo", "main", "v1.0.0");

        assertThat(TriggerDecision.rejectionReason(command, ALLOWED))
                .isEqualTo("The command sets both branch 'main' and tag 'v1.0.0'; set one of them, or neither for "
                        + "the default branch.");
    }

    @Test
    void shouldRejectProjectMissingFromAllowList() {
        TriggerPipelineCommand command = command("gh/example-org/elsewhere", "main", null);

        assertThat(TriggerDecision.rejectionReason(command, ALLOWED))
                .startsWith("Project 'gh/example-org/elsewhere' is not on the allow-list")
                .contains("commands.allowed.projects");
    }

    @Test
    void shouldRejectEmptyProjectSlug() {
        TriggerPipelineCommand command = command(" ", "main", null);

        assertThat(TriggerDecision.rejectionReason(command, ALLOWED)).startsWith("project_slug is empty");
    }

    @Test
    void shouldRejectBlankParameterName() {
        TriggerPipelineCommand command = TriggerPipelineCommand.newBuilder(command("gh/example-org/example-repo",
                "main", null)).setParameters(Map.of(" ", "x")).build();

        assertThat(TriggerDecision.rejectionReason(command, ALLOWED))
                .isEqualTo("The command has a pipeline parameter with a blank name; give every parameter a name.");
    }

    @Test
    void shouldTypeParameterValues() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("deploy", "true");
        parameters.put("dry_run", "false");
        parameters.put("replicas", "3");
        parameters.put("offset", "-12");
        parameters.put("region", "eu-west-1");
        parameters.put("version", "1.2");
        parameters.put("flag", "True");

        Map<String, Object> typed = TriggerDecision.typedParameters(parameters);

        assertThat(typed).containsEntry("deploy", true);
        assertThat(typed).containsEntry("dry_run", false);
        assertThat(typed).containsEntry("replicas", 3L);
        assertThat(typed).containsEntry("offset", -12L);
        assertThat(typed).containsEntry("region", "eu-west-1");
        assertThat(typed).containsEntry("version", "1.2");
        assertThat(typed).containsEntry("flag", "True");
    }

    private static TriggerPipelineCommand command(String slug, String branch, String tag) {
        return TriggerPipelineCommand.newBuilder()
                .setCommandId("command-1")
                .setProjectSlug(slug)
                .setBranch(branch)
                .setTag(tag)
                .build();
    }
}
