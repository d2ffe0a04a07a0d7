package io.circlebridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circlebridge.simulator.support.MutableClock;
import io.circlebridge.simulator.support.SimulatorClient;
import io.circlebridge.simulator.support.SimulatorClient.Reply;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void shouldBuildSimulatorFromOptions() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"--token", "cli-token",
                "--project=gh/example-org/one", "--project", "bb/example-org/two", "--initial-pipelines", "2",
                "--new-pipeline-interval-ms", "0", "--step-ms", "500", "--seed", "9"});

        try (CircleCiSimulator simulator = options.builder().clock(new MutableClock()).build()) {
            simulator.start();

            assertThat(simulator.pipelines()).extracting(pipeline -> pipeline.projectSlug())
                    .containsExactly("gh/example-org/one", "bb/example-org/two", "gh/example-org/one",
                            "bb/example-org/two");
            Reply reply = new SimulatorClient(simulator.baseUrl(), "cli-token").get("/project/bb/example-org/two/pipeline");
            assertThat(reply.status()).isEqualTo(200);
        }
    }

    @Test
    void shouldSwitchOnFaultsFromOptions() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"--fault-rate-limit", "1:no-headers",
                "--fault-server-errors=1", "--fault-missing-fields", "required", "--fault-paging", "endless"});

        try (CircleCiSimulator simulator = options.builder().clock(new MutableClock()).build()) {
            simulator.start();
            options.applyFaults(simulator.faults());
            SimulatorClient client = new SimulatorClient(simulator.baseUrl(), "sim-token");

            assertThat(client.get("/pipeline").status()).isEqualTo(500);
            assertThat(client.get("/pipeline").body()).isEqualTo("{}");
            Reply listed = client.get("/pipeline");
            assertThat(listed.json().get("next_page_token").isNull()).isFalse();
            assertThat(listed.json().get("items").get(0).has("vcs")).isFalse();
        }
    }

    @Test
    void shouldRejectUnknownOption() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--colour", "red"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown option --colour; see --help");
    }

    @Test
    void shouldRejectNegativeNumber() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--port=-1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option --port needs a non-negative whole number, got '-1'");
    }

    @Test
    void shouldRejectUnknownFaultStyle() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--fault-paging", "sideways"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option --fault-paging does not accept 'sideways-cursor'; see --help");
    }

    @Test
    void shouldRejectOptionWithoutValue() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--seed"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option --seed needs a value");
    }

    @Test
    void shouldRecognizeHelp() {
        assertThat(SimulatorOptions.parse(new String[] {"--help"}).help()).isTrue();
    }
}
