package th.go.ita.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP port that forwards to wherever the broker currently listens. Kafka's test kit binds its
 * own random ports on every start; the broker advertises this address instead, so clients keep one
 * bootstrap address across a stop and a restart, exactly as with a real broker that goes down and
 * comes back. While nothing is behind it, connections are refused by closing them at once.
 */
final class StableAddress implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kafka-stable-address");
        t.setDaemon(true);
        return t;
    });
    private volatile int target;

    StableAddress(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Points the address at the broker's current port; 0 for "down". */
    void target(int port) {
        target = port;
        if (port == 0) {
            for (Socket socket : open) {
                closeQuietly(socket);
            }
            open.clear();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                int to = target;
                Socket upstream;
                try {
                    if (to == 0) {
                        throw new IOException("Kafka is down");
                    }
                    upstream = new Socket(InetAddress.getLoopbackAddress(), to);
                } catch (IOException down) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                threads.submit(() -> pipe(client, upstream));
                threads.submit(() -> pipe(upstream, client));
            } catch (IOException closed) {
                // the server socket was closed: stop accepting
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        target(0);
        threads.shutdownNow();
    }
}
