package io.agenttelemetry.connect.smt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SensitivityAtLeastTest {

    static SourceRecord record(String sensitivityHeader) {
        ConnectHeaders headers = new ConnectHeaders();
        if (sensitivityHeader != null) {
            headers.addString("agent_telemetry.sensitivity", sensitivityHeader);
        }
        return new SourceRecord(Map.of(), Map.of(), "agent-events", null, null, null, null, "v", null, headers);
    }

    private static SensitivityAtLeast<SourceRecord> predicate(Map<String, String> props) {
        SensitivityAtLeast<SourceRecord> p = new SensitivityAtLeast<>();
        p.configure(props);
        return p;
    }

    @Test
    void trueForTheMinimumClassAndAbove() {
        SensitivityAtLeast<SourceRecord> p = predicate(Map.of("min", "confidential"));
        assertFalse(p.test(record("public")));
        assertFalse(p.test(record("internal")));
        assertTrue(p.test(record("confidential")));
        assertTrue(p.test(record("RESTRICTED")));
    }

    @Test
    void missingHeaderCountsAsRestrictedByDefault() {
        assertTrue(predicate(Map.of("min", "restricted")).test(record(null)));
        assertTrue(predicate(Map.of("min", "restricted")).test(record("not-a-class")));
    }

    @Test
    void missingClassIsConfigurable() {
        assertFalse(predicate(Map.of("min", "internal", "sensitivity.missing.as", "public")).test(record(null)));
    }

    @Test
    void readsByteArrayHeadersAndTheLastOfSeveral() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("agent_telemetry.sensitivity", "restricted");
        headers.addBytes("agent_telemetry.sensitivity", "public".getBytes());
        SinkRecord r = new SinkRecord("t", 0, null, null, null, "v", 0L, 0L, null, headers);
        SensitivityAtLeast<SinkRecord> p = new SensitivityAtLeast<>();
        p.configure(Map.of("min", "internal"));
        assertFalse(p.test(r));
    }

    @Test
    void customHeaderName() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("class", "restricted");
        SinkRecord r = new SinkRecord("t", 0, null, null, null, "v", 0L, 0L, null, headers);
        SensitivityAtLeast<SinkRecord> p = new SensitivityAtLeast<>();
        p.configure(Map.of("min", "confidential", "sensitivity.header.name", "class"));
        assertTrue(p.test(r));
    }

    @Test
    void unknownMinimumIsAConfigError() {
        assertThrows(ConfigException.class, () -> predicate(Map.of("min", "secret")));
        assertThrows(ConfigException.class, () -> predicate(Map.of()));
    }
}
