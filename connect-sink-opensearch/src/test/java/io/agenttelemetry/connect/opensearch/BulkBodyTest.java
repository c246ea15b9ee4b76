package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class BulkBodyTest {
    private static Document doc(String index, String id, String source) {
        return new Document(null, index, id, source == null ? null : source.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anActionLinePerDocumentThenItsSourceAsItIs() throws Exception {
        List<Document> docs = List.of(
                doc("agent-spans-2026.11.26", "a1", "{\"name\":\"x\",\"n\":1}"),
                doc("agent-spans-2026.11.26", "id \"quoted\" \\ ü", "{\"name\":\"Grüße\"}"),
                doc("agent-logs-2026.11.26", "gone", null));
        String body = new String(BulkBody.of(docs, false), StandardCharsets.UTF_8);
        assertEquals("{\"index\":{\"_index\":\"agent-spans-2026.11.26\",\"_id\":\"a1\"}}\n"
                + "{\"name\":\"x\",\"n\":1}\n"
                + "{\"index\":{\"_index\":\"agent-spans-2026.11.26\",\"_id\":\"id \\\"quoted\\\" \\\\ ü\"}}\n"
                + "{\"name\":\"Grüße\"}\n"
                + "{\"delete\":{\"_index\":\"agent-logs-2026.11.26\",\"_id\":\"gone\"}}\n", body);
        // Every line is JSON, and the escaped id reads back as it was.
        String[] lines = body.split("\n");
        assertEquals("id \"quoted\" \\ ü", new ObjectMapper().readTree(lines[2]).path("index").path("_id").asText());
    }

    @Test
    void dataStreamsGetCreates() {
        String body = new String(BulkBody.of(List.of(doc("logs-agent", "a1", "{}")), true), StandardCharsets.UTF_8);
        assertEquals("{\"create\":{\"_index\":\"logs-agent\",\"_id\":\"a1\"}}\n{}\n", body);
    }
}
