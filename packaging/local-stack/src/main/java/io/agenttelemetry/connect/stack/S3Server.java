package io.agenttelemetry.connect.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * S3Proxy with its filesystem backend on 127.0.0.1: real SigV4 checks, multipart uploads and conditional writes.
 * The keys below are local test values that only this server knows.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "local-access-key";
    public static final String SECRET_KEY = "local-secret-key";
    public static final String REGION = "us-east-1";

    private final StackLayout layout;
    private final Path dir;
    private final String heap;
    private final int port = Ports.free();
    private ManagedProcess process;

    S3Server(StackLayout layout, Path dir, String heap) {
        this.layout = layout;
        this.dir = dir;
        this.heap = heap;
    }

    void start() {
        Path props = ConfigFiles.writeProperties(dir.resolve("s3proxy.properties"), Map.of(
                "s3proxy.endpoint", endpoint(),
                "s3proxy.authorization", "aws-v2-or-v4",
                "s3proxy.identity", ACCESS_KEY,
                "s3proxy.credential", SECRET_KEY,
                "jclouds.provider", "filesystem",
                "jclouds.filesystem.basedir", dir.resolve("data").toString()));
        dir.resolve("data").toFile().mkdirs();
        process = ManagedProcess.start("s3proxy", List.of(StackLayout.java(), "-Xmx" + heap,
                        "-jar", layout.s3proxyJar().toString(), "--properties", props.toString()),
                Map.of(), dir, dir.resolve("s3proxy.log"));
    }

    void awaitReady(Duration timeout) {
        // Any HTTP answer (an unsigned request gets 403) means it serves.
        Wait.until("S3Proxy on port " + port, timeout, () -> Http.get(endpoint() + "/").status() > 0, process);
    }

    /**
     * Creates a bucket. The filesystem backend keeps a bucket as a directory under its base directory, so this
     * works before and while the server runs, without a signed request.
     */
    public void createBucket(String bucket) {
        dir.resolve("data").resolve(bucket).toFile().mkdirs();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Stops the server (for outage tests); {@link #startAgain} brings it back with the same data. */
    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    public void startAgain(Duration timeout) {
        start();
        awaitReady(timeout);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(30));
        }
    }
}
