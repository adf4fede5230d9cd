package th.go.ita.evidence.file;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import th.go.ita.evidence.config.EvidenceConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * Files in an S3-compatible object store, for deployments with more than one instance or more
 * data than one disk. A PUT is atomic in S3: an object appears completely or not at all.
 */
@ApplicationScoped
@Typed(S3FileStore.class)
public class S3FileStore implements EvidenceStore {

    @Inject
    EvidenceConfig config;

    private volatile S3Client client;
    private volatile boolean bucketChecked;

    S3Client client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    EvidenceConfig.S3 s3 = config.evidence().storage().s3();
                    S3ClientBuilder builder = S3Client.builder()
                            .httpClientBuilder(UrlConnectionHttpClient.builder())
                            .region(Region.of(s3.region()))
                            .forcePathStyle(s3.pathStyle())
                            // Checksums only where S3 demands them: many S3-compatible stores do not
                            // understand the SDK's default streaming CRC trailers.
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
                    s3.endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
                    if (s3.accessKey().isPresent() && s3.secretKey().isPresent()) {
                        builder.credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(s3.accessKey().get(), s3.secretKey().get())));
                    } else {
                        builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
                    }
                    client = builder.build();
                }
            }
        }
        return client;
    }

    private String bucket() {
        String bucket = config.evidence().storage().s3().bucket();
        if (!bucketChecked) {
            try {
                client().headBucket(b -> b.bucket(bucket));
            } catch (S3Exception e) {
                // Stores answer a missing bucket as NoSuchBucket or as a bare 404.
                if (!(e instanceof NoSuchBucketException) && e.statusCode() != 404) {
                    throw e;
                }
                client().createBucket(b -> b.bucket(bucket));
            }
            bucketChecked = true;
        }
        return bucket;
    }

    @Override
    public void put(String key, Path source) throws IOException {
        try {
            client().putObject(b -> b.bucket(bucket()).key(key), RequestBody.fromFile(source));
        } catch (S3Exception e) {
            throw new IOException("S3 put of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client().getObject(b -> b.bucket(bucket()).key(key));
        } catch (S3Exception e) {
            throw new IOException("S3 get of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void discard(String key) {
        try {
            client().deleteObject(b -> b.bucket(bucket()).key(key));
        } catch (RuntimeException ignored) {
            // Best effort, as for files: an unreferenced object is harmless.
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
