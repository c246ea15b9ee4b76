package io.agenttelemetry.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.model.PluginVersion;

class AgentLogSourceConnectorTest {
    private final AgentLogSourceConnector connector = new AgentLogSourceConnector();

    private static Map<String, String> props(String... kv) {
        Map<String, String> p = new HashMap<>();
        p.put("paths", "/var/log/agents/**/*.jsonl");
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static String errorOf(Map<String, String> props, String key) {
        for (ConfigValue v : new AgentLogSourceConnector().validate(props).configValues()) {
            if (v.name().equals(key)) {
                return v.errorMessages().isEmpty() ? null : v.errorMessages().get(0);
            }
        }
        throw new AssertionError("no config " + key);
    }

    @Test
    void declaresExactlyOnceSupportAndItsVersion() {
        assertEquals(ExactlyOnceSupport.SUPPORTED, connector.exactlyOnceSupport(props()));
        assertEquals(PluginVersion.get(), connector.version());
        assertEquals(AgentLogSourceTask.class, connector.taskClass());
    }

    @Test
    void eachTaskKnowsItsShare() {
        connector.start(props());
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertEquals(3, tasks.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(Integer.toString(i), tasks.get(i).get("task.index"));
            assertEquals("3", tasks.get(i).get("task.count"));
            assertEquals("/var/log/agents/**/*.jsonl", tasks.get(i).get("paths"));
        }
    }

    @Test
    void pathsAreRequired() {
        Map<String, String> p = props();
        p.remove("paths");
        assertTrue(errorOf(p, "paths") != null);
        assertThrows(ConfigException.class, () -> connector.start(p));
    }

    @Test
    void unknownFormatIsRejectedNamingTheKnownOnes() {
        String error = errorOf(props("format", "xml"), "format");
        assertTrue(error != null && error.contains("otlp-json") && error.contains("jsonl"), error);
    }

    @Test
    void badRegexIsRejected() {
        assertTrue(errorOf(props("exclude.regex", "([a-z"), "exclude.regex") != null);
    }

    @Test
    void numbersAreBounded() {
        assertTrue(errorOf(props("batch.max.records", "0"), "batch.max.records") != null);
        assertTrue(errorOf(props("max.line.bytes", "10"), "max.line.bytes") != null);
    }

    @Test
    void enumsAreCaseInsensitiveAndChecked() {
        assertEquals(null, errorOf(props("start.position", "LATEST"), "start.position"));
        assertTrue(errorOf(props("start.position", "middle"), "start.position") != null);
        assertTrue(errorOf(props("key.field", "user"), "key.field") != null);
    }

    @Test
    void alterOffsetsAcceptsOurShapeAndTombstonesAndNamesTheBadKey() {
        Map<Map<String, ?>, Map<String, ?>> ok = new HashMap<>();
        ok.put(Map.of("file.id", "abc"), Map.of("position", 10L, "skip", 0, "line", 1L));
        ok.put(Map.of("file.id", "def"), null);
        ok.put(Map.of("file.id", "ghi"), Map.of("position", 10L, "check.crc", -12345L, "check.bytes", 10L));
        assertTrue(connector.alterOffsets(props(), ok));

        ConnectException badPartition = assertThrows(ConnectException.class,
                () -> connector.alterOffsets(props(), Map.of(Map.of("filename", "x"), Map.of("position", 1L))));
        assertTrue(badPartition.getMessage().contains("file.id"));
        ConnectException badOffset = assertThrows(ConnectException.class,
                () -> connector.alterOffsets(props(), Map.of(Map.of("file.id", "x"), Map.of("position", -1L))));
        assertTrue(badOffset.getMessage().contains("position"));
        ConnectException badCheck = assertThrows(ConnectException.class, () -> connector.alterOffsets(props(),
                Map.of(Map.of("file.id", "x"), Map.of("position", 1L, "check.crc", 1L, "check.bytes", 999L))));
        assertTrue(badCheck.getMessage().contains("check.bytes"), badCheck.getMessage());
    }
}
