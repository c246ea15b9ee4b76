package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {
    private static final long T = Instant.parse("2026-11-26T09:15:00Z").toEpochMilli();
    private static final String HEADER = "agent_telemetry.sensitivity";

    private static ObjectKeys keys(String template, String extension) {
        return ObjectKeys.parse(template, ZoneOffset.UTC, extension, HEADER);
    }

    @Test
    void defaultTemplatePartitionsByTopicDateAndHourAndEndsWithTheFirstOffset() {
        assertEquals("agent-events/dt=2026-11-26/hour=09/agent-events+3+00000000000000001234.jsonl.gz",
                keys("{topic}/dt={yyyy-MM-dd}/hour={HH}/", ".jsonl.gz").key("agent-events", 3, 1234, T, Map.of()));
    }

    @Test
    void sameRecordsSameKey() {
        ObjectKeys keys = keys("raw/{topic}/{partition}/", ".jsonl");
        assertEquals(keys.key("t", 0, 5, T, Map.of()), keys.key("t", 0, 5, T, Map.of()));
        assertEquals("raw/t/0/t+0+00000000000000000005.jsonl", keys.key("t", 0, 5, T, Map.of()));
    }

    @Test
    void recordFieldsComeFromTheSensitivityHeaderAndTheAgentAttribute() {
        ObjectKeys keys = keys("{sensitivity}/{agent}/", ".jsonl");
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(HEADER, "confidential");
        SinkRecord r = new SinkRecord("t", 0, null, null, null, Map.of("attributes", Map.of("gen_ai.agent.name", "billing agent")), 7,
                T, org.apache.kafka.common.record.TimestampType.CREATE_TIME, headers);
        Map<String, String> fields = keys.recordFields(r);
        assertEquals(Map.of("sensitivity", "confidential", "agent", "billing_agent"), fields);
        assertEquals("confidential/billing_agent/t+0+00000000000000000007.jsonl", keys.key("t", 0, 7, T, fields));
        SinkRecord bare = new SinkRecord("t", 0, null, null, null, "not an event", 8);
        assertEquals(Map.of("sensitivity", "restricted", "agent", "unknown"), keys.recordFields(bare),
                "no header counts as restricted, as everywhere");
        assertEquals(Map.of(), keys("{topic}/", ".jsonl").recordFields(r), "templates without record fields never split objects");
    }

    @Test
    void unknownPlaceholderIsAConfigError() {
        assertThrows(ConfigException.class, () -> keys("{tenant}/", ".jsonl"));
    }
}
