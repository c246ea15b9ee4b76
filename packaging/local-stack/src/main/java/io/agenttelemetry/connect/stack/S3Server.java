package io.agenttelemetry.connect.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * S3Proxy with its filesystem backend on 127.0.0.1: real SigV4 checks, multipart uploads and conditional writes.
 * The keys below are local test values that only this server knows.
 */
public final class S3Server extends LocalServer {
    public static final String ACCESS_KEY = "local-access-key";
    public static final String SECRET_KEY = "local-secret-key";
    public static final String REGION = "us-east-1";

    private final StackLayout layout;
    private final Path dir;
    private final String heap;
    private final int port = Ports.free();

    S3Server(StackLayout layout, Path dir, String heap) {
        super(Duration.ofSeconds(30));
        this.layout = layout;
        this.dir = dir;
        this.heap = heap;
    }

    @Override
    void start() {
        Path props = ConfigFiles.writeProperties(dir.resolve("s3proxy.properties"), Map.of(
                "s3proxy.endpoint", endpoint(),
                "s3proxy.authorization", "aws-v2-or-v4",
                "s3proxy.identity", ACCESS_KEY,
                "s3proxy.credential", SECRET_KEY,
                // Temporary (assumed-role) credentials send x-amz-security-token, which S3Proxy otherwise answers
                // with 501. Server-side encryption is still refused with 501.
                "s3proxy.ignore-unknown-headers", "true",
                "jclouds.provider", "filesystem",
                "jclouds.filesystem.basedir", dir.resolve("data").toString()));
        dir.resolve("data").toFile().mkdirs();
        process = ManagedProcess.start("s3proxy", List.of(StackLayout.java(), "-Xmx" + heap,
                        "-jar", layout.s3proxyJar().toString(), "--properties", props.toString()),
                Map.of(), dir, dir.resolve("s3proxy.log"));
    }

    @Override
    void awaitReady(Duration timeout) {
        // Any HTTP answer (an unsigned request gets 403) means it serves.
        Wait.until("S3Proxy on port " + port, timeout, () -> Http.get(endpoint() + "/").status() > 0, process);
    }

    /**
     * Creates a bucket. The filesystem backend keeps a bucket as a directory under its base directory, so this
     * works before and while the server runs, without a signed request.
     */
    public void createBucket(String bucket) {
        bucketDirectory(bucket).toFile().mkdirs();
    }

    /** Where the filesystem backend keeps a bucket's objects, one file per object key. */
    public Path bucketDirectory(String bucket) {
        return dir.resolve("data").resolve(bucket);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }
}
