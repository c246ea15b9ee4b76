package io.agenttelemetry.connect.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.EventType;

class ClassifySensitivityTest {
    private static ClassifySensitivity<SinkRecord> defaults;

    @BeforeAll
    static void setUp() {
        defaults = classify(Map.of("tool.rules", "run_sql:restricted,send_email:confidential"));
    }

    static ClassifySensitivity<SinkRecord> classify(Map<String, String> props) {
        ClassifySensitivity<SinkRecord> c = new ClassifySensitivity<>();
        c.configure(props);
        return c;
    }

    private static SinkRecord record(Object value, String findings) {
        ConnectHeaders h = new ConnectHeaders();
        if (findings != null) {
            h.addString("agent_telemetry.findings", findings);
        }
        return new SinkRecord("t", 0, null, null, null, value, 1L, 1L, null, h);
    }

    private static String classOf(SinkRecord r) {
        return (String) r.headers().lastWithName("agent_telemetry.sensitivity").value();
    }

    @Test
    void nothingFoundIsTheDefaultClass() {
        assertEquals("internal", classOf(defaults.apply(record(Map.of("msg", "hello"), null))));
    }

    @Test
    void secretsMakeARecordRestrictedAndPiiConfidential() {
        assertEquals("restricted", classOf(defaults.apply(record(Map.of(), "EMAIL:1,OPENAI_API_KEY:1"))));
        assertEquals("confidential", classOf(defaults.apply(record(Map.of(), "EMAIL:2"))));
        assertEquals("restricted", classOf(defaults.apply(record(Map.of(), "SENSITIVE_FIELD:1"))));
        assertEquals("restricted", classOf(defaults.apply(record(Map.of(), "SOMETHING_NEW:1"))), "unknown finding types assume the worst");
    }

    @Test
    void toolAndFieldRulesRaiseTheClass() {
        Map<String, Object> event = new HashMap<>();
        event.put("attributes", Map.of("gen_ai.tool.name", "run_sql"));
        assertEquals("restricted", classOf(defaults.apply(record(event, null))));
        assertEquals("confidential", classOf(defaults.apply(record(Map.of("gen_ai.tool.name", "send_email"), null))));
        assertEquals("confidential", classOf(defaults.apply(record(Map.of("attributes", Map.of("gen_ai.input.messages", "[]")), null))));
    }

    @Test
    void worksOnAgentEventStructsAndReplacesAnEarlierClass() {
        AgentEvent e = AgentEvent.builder(EventType.SPAN).attribute("gen_ai.tool.name", "send_email").build();
        ConnectHeaders h = new ConnectHeaders();
        h.addString("agent_telemetry.sensitivity", "public");
        SinkRecord r = new SinkRecord("t", 0, null, null, AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(e), 1L, 1L, null, h);
        SinkRecord out = defaults.apply(r);
        assertEquals("confidential", classOf(out));
        assertEquals(1, out.headers().allWithName("agent_telemetry.sensitivity").hasNext() ? 1 : 0);
        assertEquals("public", classOf(r), "input headers untouched");
    }

    @Test
    void badRulesAreConfigErrors() {
        assertThrows(ConfigException.class, () -> classify(Map.of("tool.rules", "run_sql:secret")));
        assertThrows(ConfigException.class, () -> classify(Map.of("default.class", "top-secret")));
    }
}
