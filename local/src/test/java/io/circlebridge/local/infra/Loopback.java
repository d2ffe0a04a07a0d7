package io.circlebridge.local.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Checks which loopback addresses a server accepts connections on. On Linux the whole 127.0.0.0/8 range reaches
 * the loopback interface, so a server bound to the wildcard address accepts on 127.0.0.2 too, while a server bound
 * to 127.0.0.1 refuses it.
 */
final class Loopback {

    static final String OTHER_LOOPBACK_HOST = "127.0.0.2";

    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private Loopback() {
    }

    static boolean acceptsConnections(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
