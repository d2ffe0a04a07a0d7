package io.circlebridge.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds free TCP ports on 127.0.0.1 for servers that must know their port before they bind it. */
final class LoopbackPorts {

    static final String LOOPBACK_HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /**
     * Returns {@code port} unchanged when it is positive, else a port that was free on 127.0.0.1 a moment ago.
     *
     * <p>NOTE: another process may take the returned port before our server binds it. The window is a few
     * milliseconds, and a server that loses the race fails to start with "address already in use".
     */
    static int resolve(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Invalid port " + port + ": use 0 for a free port or 1-65535.");
        }
        return port > 0 ? port : freePort();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK_HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free port on " + LOOPBACK_HOST, e);
        }
    }
}
