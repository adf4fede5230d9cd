package th.go.ita.evidence.linkcheck;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS links: the connection goes to the checked address, and the certificate is verified for
 * the host the link names (SNI and host name), as a browser would. A stand-in server on 127.0.0.1
 * holds a certificate for "localhost" only.
 */
class LinkFetcherTlsTest {

    @TempDir
    Path dir;

    @Test
    void aCertificateIsVerifiedForTheLinksHostOverTheCheckedAddress() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/ok", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            // Both loopbacks: "localhost" resolves to ::1 as well on some machines, and every address is checked.
            PublicAddresses tests = new PublicAddresses(Set.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")));
            LinkFetcher trusting = new LinkFetcher(tests, Duration.ofSeconds(1), Duration.ofSeconds(5), 5,
                    clientContext.getSocketFactory());

            LinkFetcher.Result byName = trusting.check("https://localhost:" + port + "/ok");
            assertTrue(byName.ok(), byName.error());
            assertEquals(200, byName.statusCode());

            LinkFetcher.Result byAddress = trusting.check("https://127.0.0.1:" + port + "/ok");
            assertFalse(byAddress.ok(), "the certificate names localhost, not 127.0.0.1");
            assertTrue(byAddress.error().startsWith("SSLHandshakeException"), byAddress.error());

            LinkFetcher.Result untrusted = new LinkFetcher(tests, Duration.ofSeconds(1), Duration.ofSeconds(5), 5)
                    .check("https://localhost:" + port + "/ok");
            assertFalse(untrusted.ok(), "a certificate no authority signed is not accepted");
            assertTrue(untrusted.error().startsWith("SSLHandshakeException"), untrusted.error());
        } finally {
            server.stop(0);
        }
    }
}
