package th.go.ita.evidence.linkcheck;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Asks whether a link still answers, without ever reaching an address that is not public
 * ({@link PublicAddresses}). Every address a name resolves to is checked, and the connection is
 * made to an address that was checked, not to the name again: a second look-up could answer
 * differently (DNS rebinding). Redirects are followed by hand, a bounded number of times, and every
 * hop is checked the same way. Only the status line and headers are read; the body never is.
 *
 * <p>A small HTTP/1.1 client of its own, since {@link java.net.http.HttpClient} resolves names
 * itself and cannot be told which address to connect to.
 */
final class LinkFetcher {

    /** What the check found: {@code error} says why the link counts as broken. */
    record Result(boolean ok, Integer statusCode, String finalUrl, String error) {
    }

    /** Bounds on what is read of an answer, so a hostile server cannot feed the checker forever. */
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_HEADER_LINES = 200;

    private final PublicAddresses addresses;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxRedirects;
    private final SSLSocketFactory tls;

    LinkFetcher(PublicAddresses addresses, Duration connectTimeout, Duration requestTimeout, int maxRedirects) {
        this(addresses, connectTimeout, requestTimeout, maxRedirects, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** {@code tls} is the JVM's default (its trusted certificate authorities) but in a test. */
    LinkFetcher(PublicAddresses addresses, Duration connectTimeout, Duration requestTimeout, int maxRedirects,
                SSLSocketFactory tls) {
        this.addresses = addresses;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxRedirects = maxRedirects;
        this.tls = tls;
    }

    Result check(String url) {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return broken(null, null, "not a web address");
        }
        for (int redirects = 0; ; redirects++) {
            Hop hop;
            try {
                hop = fetch(uri, deadline);
            } catch (Refused e) {
                return broken(null, uri.toString(), "refused: " + e.getMessage() + " (not fetched)");
            } catch (SocketTimeoutException e) {
                return broken(null, null, "timeout");
            } catch (UnknownHostException e) {
                return broken(null, null, "unknown host " + e.getMessage());
            } catch (IOException e) {
                String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                return broken(null, null, message.length() > 500 ? message.substring(0, 500) : message);
            } catch (IllegalArgumentException e) {
                // A host name IDN or SNI will not take: recorded, so one odd link never stops the whole check.
                return broken(null, uri.toString(), "not a web address");
            }
            int status = hop.status();
            if (isRedirect(status) && hop.location() != null) {
                if (redirects >= maxRedirects) {
                    return broken(status, uri.toString(), "too many redirects (more than " + maxRedirects + ")");
                }
                try {
                    uri = uri.resolve(hop.location().strip());
                } catch (IllegalArgumentException e) {
                    return broken(status, uri.toString(), "redirect to an invalid address");
                }
                continue;
            }
            boolean ok = status >= 200 && status < 300;
            return new Result(ok, status, uri.toString(), ok ? null : "HTTP " + status);
        }
    }

    private record Hop(int status, String location) {
    }

    /** Refused before any connection was made. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private Hop fetch(URI uri, long deadline) throws IOException, Refused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https links are checked");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("no host in " + uri);
        }
        boolean literal = host.startsWith("[");
        String bare = literal ? host.substring(1, host.length() - 1) : IDN.toASCII(host);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        List<InetAddress> resolved = List.of(InetAddress.getAllByName(bare));
        // Java also reads all-digit forms such as 2130706433 as an IPv4 address; no domain name is all digits.
        boolean typedAsAddress = literal || bare.matches("[0-9.]+");
        for (InetAddress candidate : resolved) {
            String why = addresses.refusal(candidate);
            if (why != null) {
                throw new Refused(typedAsAddress ? bare + " is a " + why
                        : bare + " resolves to " + candidate.getHostAddress() + ", a " + why);
            }
        }
        IOException last = null;
        for (InetAddress address : resolved) {
            try (Socket socket = connect(address, port, deadline)) {
                Socket channel = scheme.equals("https") ? startTls(socket, bare, port, typedAsAddress) : socket;
                return exchange(channel, uri, host, deadline);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private Socket connect(InetAddress address, int port, long deadline) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, Math.min(connectTimeout.toMillis(),
                    remainingMillis(deadline))));
            socket.setSoTimeout((int) remainingMillis(deadline));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** TLS over the socket already connected to the checked address, verifying the certificate for the link's host. */
    private Socket startTls(Socket socket, String host, int port, boolean address) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!address) { // SNI names hosts, never addresses
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private Hop exchange(Socket socket, URI uri, String host, long deadline) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String hostHeader = (host.startsWith("[") ? host : IDN.toASCII(host)) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: ITA-Online-link-checker\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String statusLine = line(in, deadline, socket);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer");
        }
        String location = null;
        int lines = 0;
        for (String header = line(in, deadline, socket); !header.isEmpty(); header = line(in, deadline, socket)) {
            if (++lines > MAX_HEADER_LINES) {
                throw new IOException("too many answer headers");
            }
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Location")) {
                location = header.substring(colon + 1).trim();
            }
        }
        return new Hop(status, location);
    }

    /** One header line; the whole answer must arrive before the deadline, however slowly it trickles. */
    private static String line(InputStream in, long deadline, Socket socket) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the server closed the connection before answering");
            }
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException();
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IOException("answer headers too long");
            }
        }
        socket.setSoTimeout((int) remainingMillis(deadline));
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Result broken(Integer status, String url, String error) {
        return new Result(false, status, url, error);
    }
}
