package io.circlebridge.simulator;

import java.util.concurrent.CountDownLatch;

/** Runs the simulator on the system clock until the process is interrupted (Ctrl-C). */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(SimulatorOptions.USAGE);
            return;
        }

        CircleCiSimulator simulator = options.builder().build();
        simulator.start();
        options.applyFaults(simulator.faults());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
        System.out.println("CircleCI simulator running at " + simulator.baseUrl() + " (Ctrl-C stops it)");

        new CountDownLatch(1).await();
    }
}
