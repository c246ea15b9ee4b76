package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PartitionBufferTest {
    @Test
    void gzipObjectsReadBackWithTheStandardReadersLineByLine() throws IOException {
        PartitionBuffer b = new PartitionBuffer(S3ArchiveSinkConfig.Compression.GZIP, 10, 0, 0);
        for (int i = 10; i < 20; i++) {
            b.append(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), i);
        }
        assertEquals(10, b.count());
        assertEquals(10, b.startOffset());
        assertEquals(19, b.endOffset());
        byte[] body = b.finish();
        assertSame(body, b.finish(), "a retried upload sends the very same bytes");
        assertTrue(b.sealed());
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(body)), StandardCharsets.UTF_8))) {
            lines = r.lines().collect(Collectors.toList());
        }
        assertEquals(10, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 10; i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertEquals(10 + i, n.get("n").asInt());
        }
    }

    @Test
    void uncompressedObjectsAreJsonLines() {
        PartitionBuffer b = new PartitionBuffer(S3ArchiveSinkConfig.Compression.NONE, 0, 0, 1000);
        b.append("1".getBytes(StandardCharsets.UTF_8), 0);
        b.append("null".getBytes(StandardCharsets.UTF_8), 1);
        assertEquals("1\nnull\n", new String(b.finish(), StandardCharsets.UTF_8));
        assertEquals(500, b.ageMillis(1500));
    }
}
