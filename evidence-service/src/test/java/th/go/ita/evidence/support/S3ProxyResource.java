package th.go.ita.evidence.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A real S3 API server (S3Proxy) on a temporary folder, for the S3 store's tests. Only its
 * address and credentials reach the service's config; the default store stays local files.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCESS_KEY = "ita-test-access";
    static final String SECRET_KEY = "ita-test-secret";

    private static S3Proxy proxy;
    private static Path dir;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (proxy == null) {
                dir = Files.createTempDirectory("ita-s3proxy");
                Properties properties = new Properties();
                properties.setProperty("jclouds.filesystem.basedir", dir.toString());
                BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                        .credentials("identity", "credential")
                        .overrides(properties)
                        .build(BlobStoreContext.class);
                proxy = S3Proxy.builder()
                        .blobStore(context.getBlobStore())
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .build();
                proxy.start();
                long until = System.currentTimeMillis() + 30_000;
                while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < until) {
                    Thread.sleep(10);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start S3Proxy", e);
        }
        return Map.of(
                "ita.evidence.storage.s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                "ita.evidence.storage.s3.access-key", ACCESS_KEY,
                "ita.evidence.storage.s3.secret-key", SECRET_KEY,
                "ita.evidence.storage.s3.bucket", "ita-evidence-test");
    }

    @Override
    public void stop() {
        // Kept for the JVM's life, like the rest of the test stack.
    }

    static Path folder() {
        return dir;
    }
}
