package io.circlebridge.local.ksql;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.util.Arrays;
import java.util.List;

/** Publishes container ports on the Docker host's loopback address only, not on every interface. */
final class ContainerPorts {

    private static final String LOOPBACK = "127.0.0.1";

    private ContainerPorts() {
    }

    /**
     * Binds each exposed port of the container to a random port on 127.0.0.1. Testcontainers applies this after its
     * own settings, so it replaces the bindings Testcontainers would make.
     *
     * <p>NOTE: not yet run against a Docker engine. Testcontainers also asks Docker to publish all exposed ports,
     * and this relies on Docker leaving a port that has an explicit binding on that binding alone.
     */
    static void bindToLoopback(CreateContainerCmd command) {
        ExposedPort[] exposedPorts = command.getExposedPorts();
        if (exposedPorts == null) {
            return;
        }
        List<PortBinding> bindings = Arrays.stream(exposedPorts)
                .map(port -> new PortBinding(Ports.Binding.bindIp(LOOPBACK), port))
                .toList();
        command.getHostConfig().withPortBindings(bindings);
    }
}
