package io.agenttelemetry.connect.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A local HTTP endpoint standing in for S3 in unit tests (the test answers its requests), and sink settings for it. */
final class FakeS3Endpoint implements AutoCloseable {
    private final HttpServer server;
    /** Requests are answered concurrently, as S3 does, so a test may hold one back while others go on. */
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    FakeS3Endpoint(HttpHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", handler);
        server.setExecutor(handlers);
        server.start();
    }

    /** Settings for a sink writing to bucket "archive" here, plus the given key-value pairs. */
    Map<String, String> settings(String... more) {
        Map<String, String> c = new HashMap<>(Map.of("s3.bucket.name", "archive",
                "s3.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(), "s3.path.style.access.enabled", "true",
                "aws.access.key.id", "test", "aws.secret.access.key", "test-secret"));
        for (int i = 0; i < more.length; i += 2) {
            c.put(more[i], more[i + 1]);
        }
        return c;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
