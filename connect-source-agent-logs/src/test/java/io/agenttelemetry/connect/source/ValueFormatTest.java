package io.agenttelemetry.connect.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** value.format=json gives, record for record, the bytes JsonConverter without schemas writes for value.format=struct. */
class ValueFormatTest {
    private static final Path CORPUS = Paths.get(System.getProperty("testdata.dir", "../testdata"), "corpus");

    @TempDir
    Path dir;

    @Test
    void jsonValuesAreWhatJsonConverterWritesForTheStructs() throws IOException {
        copy("agent-logs/claude-code/claude-code-log_edge_cases.jsonl", "claude/edge.jsonl");
        copy("agent-logs/claude-code/claude-code-transcripts_sample_session.jsonl", "claude/session.jsonl");
        copy("agent-logs/openai-agents-sdk/openai-traces-ingest-payloads.jsonl", "openai/payloads.jsonl");
        copy("agent-traces/crewai-telemetry/crewai-telemetry.otlp.jsonl", "otlp/crewai.jsonl");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/odd.jsonl"), String.join("\n",
                "{\"ts\":\"2026-11-26T10:00:00Z\",\"level\":\"WARN\",\"msg\":\"quote \\\" backslash \\\\ tab \\t nul \\u0000 "
                        + "line sep \\u2028 </script>\",\"trace_id\":\"ABCDEF0123456789ABCDEF0123456789\"}",
                "{\"ts\":1764151200123,\"msg\":\"Grüße, 東京, emoji \uD83D\uDE80\",\"user\":{\"name\":\"Zoë\"},\"n\":1.5e3}",
                "{\"msg\":\"no time, no ids\"}",
                "not json at all",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("app/plain.log"), "Traceback (most recent call last):\n  File \"agent.py\", line 3\n"
                + "ValueError: bad \u00e9\n", StandardCharsets.UTF_8);

        List<SourceRecord> structs = readAll("struct");
        List<SourceRecord> jsons = readAll("json");
        assertEquals(structs.size(), jsons.size());
        assertTrue(structs.size() > 100, "the corpus files make " + structs.size() + " records");
        assertTrue(structs.stream().anyMatch(r -> r.topic().equals("agent-events.errors")), "unreadable lines too");

        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        for (int i = 0; i < structs.size(); i++) {
            SourceRecord struct = structs.get(i);
            SourceRecord json = jsons.get(i);
            assertEquals(Schema.BYTES_SCHEMA, json.valueSchema());
            byte[] expected = converter.fromConnectData(struct.topic(), struct.valueSchema(), struct.value());
            String message = "record " + i;
            assertArrayEquals(expected, (byte[]) json.value(), () -> message + ": " + new String(expected, StandardCharsets.UTF_8)
                    + "\nbut\n" + new String((byte[]) json.value(), StandardCharsets.UTF_8));
            assertEquals(struct.topic(), json.topic());
            assertEquals(struct.key(), json.key());
            assertEquals(struct.timestamp(), json.timestamp());
            assertEquals(struct.sourcePartition(), json.sourcePartition());
            assertEquals(struct.sourceOffset(), json.sourceOffset());
        }
    }

    private void copy(String corpusFile, String to) throws IOException {
        Files.createDirectories(dir.resolve(to).getParent());
        Files.copy(CORPUS.resolve(corpusFile), dir.resolve(to));
    }

    private List<SourceRecord> readAll(String valueFormat) throws IOException {
        Map<String, String> props = new HashMap<>();
        props.put("paths", dir + "/**");
        props.put("format.by.path", dir + "/claude/*=claude-code," + dir + "/openai/*=openai-agents,"
                + dir + "/otlp/*=otlp-json," + dir + "/app/*.jsonl=jsonl," + dir + "/app/*.log=text");
        props.put("discovery.interval.ms", "100000");
        props.put("value.format", valueFormat);
        List<SourceRecord> all = new ArrayList<>();
        try (FileTailer t = new FileTailer(new AgentLogSourceConfig(props), 0, 1, p -> null, new SourceTaskMetrics())) {
            t.requestDiscovery();
            int empty = 0;
            while (empty < 2) {
                List<SourceRecord> batch = t.poll();
                RecordFactory.withJsonValues(batch);
                all.addAll(batch);
                empty = batch.isEmpty() ? empty + 1 : 0;
            }
        }
        return all;
    }
}
