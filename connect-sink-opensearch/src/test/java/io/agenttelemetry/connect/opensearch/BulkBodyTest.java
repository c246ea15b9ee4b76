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
        String body = new String(BulkBody.of(docs, false).readAllBytes(), StandardCharsets.UTF_8);
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
    void readsTheSameInPiecesOfAnySize() throws Exception {
        List<Document> docs = List.of(doc("i", "a", "{\"x\":\"a longer source than the pieces\"}"), doc("i", "b", null),
                doc("i", "c", ""), doc("j", "d", "{}"));
        byte[] whole = BulkBody.of(docs, false).readAllBytes();
        for (int piece = 1; piece <= 9; piece++) {
            java.io.InputStream in = BulkBody.of(docs, false);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[piece];
            for (int n = in.read(buffer, 0, piece); n >= 0; n = in.read(buffer, 0, piece)) {
                out.write(buffer, 0, n);
            }
            assertEquals(new String(whole, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8), "pieces of " + piece);
        }
        java.io.InputStream in = BulkBody.of(docs, false);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            out.write(c);
        }
        assertEquals(new String(whole, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertEquals("{\"index\":{\"_index\":\"i\",\"_id\":\"c\"}}\n\n", new String(BulkBody.of(docs.subList(2, 3), false).readAllBytes(),
                StandardCharsets.UTF_8));
    }

    @Test
    void dataStreamsGetCreates() throws Exception {
        String body = new String(BulkBody.of(List.of(doc("logs-agent", "a1", "{}")), true).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("{\"create\":{\"_index\":\"logs-agent\",\"_id\":\"a1\"}}\n{}\n", body);
    }
}
