package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;


/** How refusals are treated, against a fake S3 endpoint that answers every request with one error. */
class ObjectUploaderTest {
    @AutoClose
    private final FakeS3Endpoint s3 = new FakeS3Endpoint(this::refuse);
    private volatile String errorCode;

    private void refuse(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + errorCode + "</Code><Message>refused"
                + "</Message><RequestId>1</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(403, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private RuntimeException write(S3ArchiveSinkTaskMetrics metrics) {
        S3ArchiveSinkConfig config = new S3ArchiveSinkConfig(s3.settings());
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
