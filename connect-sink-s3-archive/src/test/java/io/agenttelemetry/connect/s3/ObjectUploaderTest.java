package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** How refusals are treated, against a fake S3 endpoint that answers every request with one error. */
class ObjectUploaderTest {
    private HttpServer server;
    private volatile String errorCode;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + errorCode + "</Code><Message>refused"
                    + "</Message><RequestId>1</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RuntimeException write(S3ArchiveSinkTaskMetrics metrics) {
        S3ArchiveSinkConfig config = new S3ArchiveSinkConfig(Map.of("s3.bucket.name", "archive",
                "s3.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(), "s3.path.style.access.enabled", "true",
                "aws.access.key.id", "test", "aws.secret.access.key", "test-secret"));
        PartitionBuffer buffer = new PartitionBuffer(config.objectFormat, "k.jsonl", 0, 0, 0);
        buffer.append(new SinkRecord("t", 0, null, null, null, Map.of("n", 1), 0));
        try (ObjectUploader uploader = new ObjectUploader(config, metrics)) {
            return assertThrows(RuntimeException.class, () -> uploader.write(buffer));
        }
    }

    @Test
    void aBucketThatDeniesWritesIsRetriedAndCountedWhileBadCredentialsFailTheTask() {
        S3ArchiveSinkTaskMetrics metrics = new S3ArchiveSinkTaskMetrics();
        errorCode = "AccessDenied";
        assertEquals(RetriableException.class, write(metrics).getClass(), "a policy may allow the write later");
        assertEquals(1, metrics.getRequestsDenied());

        errorCode = "InvalidAccessKeyId";
        RuntimeException badKey = write(metrics);
        assertEquals(ConnectException.class, badKey.getClass(), "wrong credentials do not fix themselves");
        assertFalse(badKey instanceof RetriableException);
        assertEquals(1, metrics.getRequestsDenied());
        assertEquals(0, metrics.getObjectsWritten());
    }
}
