package io.circlebridge.local.infra;

import java.nio.file.Path;

/**
 * A parent JVM for {@link ApicurioRegistryLifecycleIT}: starts a registry, prints its pid after
 * {@value #PID_MARKER}, then either returns from {@code main} (mode {@code exit}) or blocks until it is killed
 * (mode {@code block}).
 */
public final class RegistryParentMain {

    static final String PID_MARKER = "REGISTRY_PID=";

    private RegistryParentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path distribution = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        String mode = args[2];

        ApicurioRegistry registry = ApicurioRegistry.start(distribution, dataDir, 0);
        System.out.println(PID_MARKER + registry.pid());
        System.out.flush();

        if (mode.equals("block")) {
            Thread.currentThread().join();
        }
    }
}
