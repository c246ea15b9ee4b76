package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Server-side encryption and tags, as S3 receives them. The local S3-compatible server refuses SSE (501) and keeps no
 * tags, so the requests are checked here, at a fake endpoint that records each request's headers and answers as S3
 * does, for single PUTs and for multipart uploads (where they go with the upload's creation).
 */
class ObjectHeadersTest {
    @AutoClose
    private final FakeS3Endpoint s3 = new FakeS3Endpoint(this::answer);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Headers> headersByRequest = new HashMap<>();

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                + (query.startsWith("uploads") ? "?uploads" : query.contains("partNumber") ? "?part" : query.contains("uploadId") ? "?complete" : "");
        synchronized (headersByRequest) {
            requests.add(request);
            headersByRequest.put(request, exchange.getRequestHeaders());
        }
        String body = "";
        if (request.endsWith("?uploads")) {
            body = "<InitiateMultipartUploadResult><Bucket>archive</Bucket><Key>k</Key><UploadId>u1</UploadId></InitiateMultipartUploadResult>";
        } else if (request.endsWith("?complete")) {
            body = "<CompleteMultipartUploadResult><Bucket>archive</Bucket><Key>k</Key><ETag>\"e\"</ETag></CompleteMultipartUploadResult>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("ETag", "\"e\"");
        if (!body.isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
        }
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private S3ArchiveSinkConfig config(String... settings) {
        return new S3ArchiveSinkConfig(s3.settings(settings));
    }

    private Headers headers(String request) {
        synchronized (headersByRequest) {
            return headersByRequest.get(request);
        }
    }

    @Test
    void aSinglePutCarriesKmsEncryptionWithItsKeyAndTheTags() {
        S3ArchiveSinkConfig config = config("s3.sse.algorithm", "aws_kms", "s3.sse.kms.key.id", "alias/agent-archive",
                "s3.object.tags", "sensitivity=restricted, team=ai platform");
        PartitionBuffer buffer = new PartitionBuffer(config.objectFormat, "raw/k.jsonl", 0, 0, 0);
        buffer.append(new SinkRecord("t", 0, null, null, null, Map.of("n", 1), 0));
        try (ObjectUploader uploader = new ObjectUploader(config, new S3ArchiveSinkTaskMetrics())) {
            assertEquals(-1, uploader.write(buffer));
        }
        assertEquals(List.of("PUT /archive/raw/k.jsonl"), requests);
        Headers put = headers("PUT /archive/raw/k.jsonl");
        assertEquals("aws:kms", put.getFirst("x-amz-server-side-encryption"));
        assertEquals("alias/agent-archive", put.getFirst("x-amz-server-side-encryption-aws-kms-key-id"));
        assertEquals("sensitivity=restricted&team=ai+platform", put.getFirst("x-amz-tagging"));
        assertEquals("*", put.getFirst("If-None-Match"));
    }

    @Test
    void aMultipartUploadGetsS3ManagedEncryptionAndTagsWhenItIsCreated() {
        S3ArchiveSinkConfig config = config("s3.sse.algorithm", "aes256", "s3.object.tags", "sensitivity=restricted", "compression", "none",
                "s3.part.size", Integer.toString(S3ArchiveSinkConfig.MIN_PART_SIZE));
        PartitionBuffer buffer = new PartitionBuffer(config.objectFormat, "raw/big.jsonl", 0, 0, 0);
        String text = "x".repeat(1000);
        for (int i = 0; buffer.encodedBytes() < S3ArchiveSinkConfig.MIN_PART_SIZE; i++) {
            buffer.append(new SinkRecord("t", 0, null, null, null, Map.of("n", i, "text", text), i));
        }
        try (ObjectUploader uploader = new ObjectUploader(config, new S3ArchiveSinkTaskMetrics())) {
            uploader.uploadPart(buffer);
            buffer.append(new SinkRecord("t", 0, null, null, null, Map.of("n", -1), buffer.endOffset() + 1));
            assertEquals(-1, uploader.write(buffer));
        }
        Headers create = headers("POST /archive/raw/big.jsonl?uploads");
        assertEquals("AES256", create.getFirst("x-amz-server-side-encryption"));
        assertNull(create.getFirst("x-amz-server-side-encryption-aws-kms-key-id"));
        assertEquals("sensitivity=restricted", create.getFirst("x-amz-tagging"));
        assertEquals("*", headers("POST /archive/raw/big.jsonl?complete").getFirst("If-None-Match"));
        assertEquals(List.of("POST /archive/raw/big.jsonl?uploads", "PUT /archive/raw/big.jsonl?part", "PUT /archive/raw/big.jsonl?part"),
                requests.subList(0, 3));
    }
}
