package io.agenttelemetry.connect.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RouteBySensitivityTest {

    private static RouteBySensitivity<SourceRecord> route(Map<String, String> props) {
        RouteBySensitivity<SourceRecord> r = new RouteBySensitivity<>();
        r.configure(props);
        return r;
    }

    @Test
    void defaultTemplateAppendsTheClass() {
        SourceRecord out = route(Map.of()).apply(SensitivityAtLeastTest.record("internal"));
        assertEquals("agent-events.internal", out.topic());
        assertEquals("v", out.value());
    }

    @Test
    void explicitMapWinsOverTheTemplate() {
        RouteBySensitivity<SourceRecord> r = route(Map.of(
                "topic.map", "restricted:agent-events.restricted, public:agent-events",
                "topic.template", "masked.${topic}"));
        assertEquals("agent-events.restricted", r.apply(SensitivityAtLeastTest.record("restricted")).topic());
        assertEquals("agent-events", r.apply(SensitivityAtLeastTest.record("public")).topic());
        assertEquals("masked.agent-events", r.apply(SensitivityAtLeastTest.record("confidential")).topic());
    }

    @Test
    void unclassifiedRecordsGoWhereRestrictedOnesGo() {
        assertEquals("agent-events.restricted", route(Map.of()).apply(SensitivityAtLeastTest.record(null)).topic());
    }

    @Test
    void headersAndKeyAreKept() {
        SourceRecord in = SensitivityAtLeastTest.record("public");
        SourceRecord out = route(Map.of()).apply(in);
        assertSame(in.headers(), out.headers());
        assertNull(out.key());
    }

    @Test
    void nullRecordPassesThrough() {
        assertNull(route(Map.of()).apply(null));
    }

    @Test
    void badMapEntriesAreConfigErrors() {
        assertThrows(ConfigException.class, () -> route(Map.of("topic.map", "restricted")));
        assertThrows(ConfigException.class, () -> route(Map.of("topic.map", "secret:x")));
        assertThrows(ConfigException.class, () -> route(Map.of("topic.map", "public:")));
    }
}
