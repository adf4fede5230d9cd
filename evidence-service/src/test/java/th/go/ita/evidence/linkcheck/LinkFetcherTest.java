package th.go.ita.evidence.linkcheck;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checker never connects to an address that is not public, however the link gets there: typed
 * directly, as a name that resolves to one, or as a redirect. Stand-in servers on 127.0.0.1 and
 * [::1] count every request they get, so "refused" is seen to mean "not fetched".
 */
class LinkFetcherTest {

    private HttpServer v4;
    private HttpServer v6;
    private final AtomicInteger v4Hits = new AtomicInteger();
    private final AtomicInteger v6Hits = new AtomicInteger();
    private String base;

    @BeforeEach
    void startServers() throws IOException {
        v4 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // A machine without IPv6 loopback still checks the rest; the address is refused before any connection anyway.
        v6 = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ipv6Loopback() ? "::1" : "127.0.0.1"), 0), 0);
        base = "http://127.0.0.1:" + v4.getAddress().getPort();
        v4.createContext("/", x -> {
            v4Hits.incrementAndGet();
            String path = x.getRequestURI().getPath();
            if (path.equals("/ok")) {
                x.sendResponseHeaders(200, -1);
            } else if (path.equals("/to-loopback")) {
                x.getResponseHeaders().add("Location", "http://127.0.0.2:" + v4.getAddress().getPort() + "/ok");
                x.sendResponseHeaders(302, -1);
            } else if (path.equals("/to-v6-loopback")) {
                x.getResponseHeaders().add("Location", "http://[::1]:" + v6.getAddress().getPort() + "/ok");
                x.sendResponseHeaders(307, -1);
            } else if (path.equals("/to-metadata")) {
                x.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                x.sendResponseHeaders(301, -1);
            } else if (path.startsWith("/hop/")) {
                int left = Integer.parseInt(path.substring(5));
                x.getResponseHeaders().add("Location", left == 0 ? "/ok" : "/hop/" + (left - 1));
                x.sendResponseHeaders(302, -1);
            } else if (path.equals("/loop")) {
                x.getResponseHeaders().add("Location", "/loop");
                x.sendResponseHeaders(302, -1);
            } else {
                x.sendResponseHeaders(404, -1);
            }
            x.close();
        });
        v6.createContext("/", x -> {
            v6Hits.incrementAndGet();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        v4.start();
        v6.start();
    }

    private static boolean ipv6Loopback() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterEach
    void stopServers() {
        v4.stop(0);
        v6.stop(0);
    }

    private static LinkFetcher fetcher(String... exempt) {
        Set<InetAddress> addresses = new java.util.HashSet<>();
        for (String address : exempt) {
            try {
                addresses.add(InetAddress.getByName(address));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new LinkFetcher(new PublicAddresses(addresses), Duration.ofSeconds(1), Duration.ofSeconds(3), 5);
    }

    @Test
    void withoutTheTestSettingEvenTheTestServerIsRefusedUnfetched() {
        LinkFetcher strict = fetcher();
        for (String url : new String[]{base + "/ok", "http://localhost:" + v4.getAddress().getPort() + "/ok",
                "http://[::ffff:127.0.0.1]:" + v4.getAddress().getPort() + "/ok"}) {
            LinkFetcher.Result result = strict.check(url);
            assertFalse(result.ok(), url);
            assertTrue(result.error().startsWith("refused: ") && result.error().contains("loopback address")
                    && result.error().endsWith("(not fetched)"), url + ": " + result.error());
        }
        LinkFetcher.Result v6 = strict.check("http://[::1]:" + this.v6.getAddress().getPort() + "/ok");
        assertEquals("refused: ::1 is a loopback address (not fetched)", v6.error());
        assertEquals(0, v4Hits.get());
        assertEquals(0, v6Hits.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/", "http://10.20.30.40:8080/admin", "http://169.254.169.254/latest/meta-data/",
            "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://[::]/", "https://192.168.0.1/",
            "http://224.0.0.251/", "http://[::ffff:a9fe:a9fe]/"})
    void privateLinkLocalAndUnspecifiedAddressesAreRefusedWithAClearResult(String url) {
        long started = System.nanoTime();
        LinkFetcher.Result result = fetcher("127.0.0.1").check(url);
        assertFalse(result.ok());
        assertTrue(result.error().startsWith("refused: ") && result.error().endsWith("(not fetched)"), result.error());
        assertTrue(System.nanoTime() - started < Duration.ofMillis(500).toNanos(), "refused at once, not timed out");
    }

    @Test
    void aRedirectToLoopbackOrMetadataIsCheckedLikeTheLinkItself() {
        LinkFetcher tests = fetcher("127.0.0.1");
        LinkFetcher.Result loopback = tests.check(base + "/to-loopback");
        assertEquals("refused: 127.0.0.2 is a loopback address (not fetched)", loopback.error());
        assertTrue(loopback.finalUrl().startsWith("http://127.0.0.2:"), "says which hop was refused");
        assertEquals("refused: ::1 is a loopback address (not fetched)", tests.check(base + "/to-v6-loopback").error());
        assertEquals(0, v6Hits.get(), "the IPv6 loopback server was never asked");
        assertEquals("refused: 169.254.169.254 is a link-local address (not fetched)",
                tests.check(base + "/to-metadata").error());
    }

    @Test
    void redirectsAreFollowedUpToTheBoundAndNoFurther() {
        LinkFetcher tests = fetcher("127.0.0.1");
        LinkFetcher.Result five = tests.check(base + "/hop/3"); // /hop/3 → 2 → 1 → 0 → /ok: four redirects
        assertTrue(five.ok(), five.error());
        assertEquals(base + "/ok", five.finalUrl());

        v4Hits.set(0);
        LinkFetcher.Result loop = tests.check(base + "/loop");
        assertFalse(loop.ok());
        assertEquals(302, loop.statusCode());
        assertEquals("too many redirects (more than 5)", loop.error());
        assertEquals(6, v4Hits.get(), "the link and five redirects, then it stops");
    }

    @Test
    void aHostNameNoResolverWouldTakeIsRecordedNotThrown() {
        LinkFetcher.Result result = fetcher().check("http://" + "a".repeat(70) + ".example/");
        assertFalse(result.ok());
        assertEquals("not a web address", result.error());
    }

    @Test
    void otherSchemesAreNotFetched() {
        assertEquals("refused: only http and https links are checked (not fetched)",
                fetcher("127.0.0.1").check("file:///etc/passwd").error());
    }
}
