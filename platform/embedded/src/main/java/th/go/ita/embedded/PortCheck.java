package th.go.ita.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails early, naming the component, when a configured port is taken by something else. */
public final class PortCheck {

    private PortCheck() {
    }

    public static void requireFree(String component, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortInUseException(component, port);
        }
    }

    /** Any free port on the loopback interface, for tests. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on loopback", e);
        }
    }

    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(String component, int port) {
            super("Port " + port + " for " + component + " is already in use. "
                    + "Stop what uses it or choose another port (see README, 'Ports').");
        }
    }
}
