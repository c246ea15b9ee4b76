package io.agenttelemetry.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {
    private static final long T = Instant.parse("2026-11-26T09:15:00Z").toEpochMilli();

    @Test
    void defaultTemplatePartitionsByTopicDateAndHourAndEndsWithTheFirstOffset() {
        ObjectKeys keys = ObjectKeys.parse("{topic}/dt={yyyy-MM-dd}/hour={HH}/", java.time.ZoneOffset.UTC, ".jsonl.gz");
        assertEquals("agent-events/dt=2026-11-26/hour=09/agent-events+3+00000000000000001234.jsonl.gz",
                keys.key("agent-events", 3, 1234, T));
    }

    @Test
    void sameRecordsSameKey() {
        ObjectKeys keys = ObjectKeys.parse("raw/{topic}/{partition}/", java.time.ZoneOffset.UTC, ".jsonl");
        assertEquals(keys.key("t", 0, 5, T), keys.key("t", 0, 5, T));
        assertEquals("raw/t/0/t+0+00000000000000000005.jsonl", keys.key("t", 0, 5, T));
    }

    @Test
    void unknownPlaceholderIsAConfigError() {
        assertThrows(ConfigException.class, () -> ObjectKeys.parse("{agent}/", java.time.ZoneOffset.UTC, ".jsonl"));
    }
}
