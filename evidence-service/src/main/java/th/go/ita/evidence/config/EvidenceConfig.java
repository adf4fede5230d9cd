package th.go.ita.evidence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Settings of evidence-service, under {@code ita.*} (the outbox relay's are the platform's, {@code ita.outbox.*}). */
@ConfigMapping(prefix = "ita")
public interface EvidenceConfig {

    DemoData demoData();

    Evidence evidence();

    interface DemoData {
        /** Load the demo office tree and results at start-up (the local stack turns this on). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Evidence {
        Storage storage();

        Upload upload();

        LinkCheck linkCheck();

        CorrectionClose correctionClose();
    }

    interface CorrectionClose {
        /**
         * How often rounds whose correction window has ended are closed for good ({@code off} in
         * tests, which close them when they choose). Read by the job's schedule.
         */
        @WithDefault("1m")
        String every();
    }

    interface LinkCheck {
        /** How often every link is checked ({@code off} disables the job, as in tests). */
        @WithDefault("6h")
        String every();

        /** How long to wait for a linked server to accept the connection. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long to wait for the whole answer (after redirects). */
        @WithDefault("15s")
        Duration requestTimeout();

        /** How many redirects are followed before the link counts as broken (each hop is checked anew). */
        @WithDefault("5")
        int maxRedirects();

        /**
         * Tests only: addresses the checker may fetch although they are not public (the tests' own
         * server on 127.0.0.1). Leave unset everywhere else: the checker then never connects to a
         * loopback, private, link-local or otherwise non-public address.
         */
        java.util.Optional<List<String>> allowedTestAddresses();
    }

    interface Storage {
        /** {@code local} (files under {@link #dir()}) or {@code s3} (an S3-compatible object store). */
        @WithDefault("local")
        String type();

        /** Where uploaded files live when stored on the local file system. */
        @WithDefault("${user.dir}/.ita-data/evidence-files")
        String dir();

        S3 s3();
    }

    interface S3 {
        /** Endpoint of an S3-compatible store (MinIO, S3Proxy, …); empty for AWS itself. */
        java.util.Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("ita-evidence")
        String bucket();

        /** Credentials; empty to use the AWS default chain (environment, instance role). */
        java.util.Optional<String> accessKey();

        java.util.Optional<String> secretKey();

        /** Path-style addressing (bucket in the path), which most S3-compatible stores need. */
        @WithDefault("true")
        boolean pathStyle();
    }

    interface Upload {
        /** Largest file accepted, in bytes (20 MB). */
        @WithDefault("20971520")
        long maxBytes();

        /** Content types accepted, as detected from the bytes (not from the name). */
        @WithDefault("application/pdf,image/jpeg,image/png,image/gif,image/webp,image/tiff,"
                + "application/msword,application/vnd.ms-excel,application/vnd.ms-powerpoint,"
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                + "application/vnd.openxmlformats-officedocument.presentationml.presentation,"
                + "application/vnd.oasis.opendocument.text,application/vnd.oasis.opendocument.spreadsheet,"
                + "application/vnd.oasis.opendocument.presentation")
        List<String> allowedTypes();
    }
}
