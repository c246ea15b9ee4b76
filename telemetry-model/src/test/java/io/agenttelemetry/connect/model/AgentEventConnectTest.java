package io.agenttelemetry.connect.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class AgentEventConnectTest {

    @Test
    void spanRoundTripsThroughStruct() {
        AgentEvent span = SampleEvents.toolCallSpan();
        Struct struct = AgentEventConnect.toStruct(span);
        struct.validate();
        assertEquals(span, AgentEventConnect.fromStruct(struct));
    }

    @Test
    void logRoundTripsThroughStruct() {
        AgentEvent log = SampleEvents.logRecord();
        Struct struct = AgentEventConnect.toStruct(log);
        struct.validate();
        assertEquals(log, AgentEventConnect.fromStruct(struct));
        assertNull(struct.get("source"));
    }

    @Test
    void structCarriesDerivedDurationAndEnumNames() {
        Struct struct = AgentEventConnect.toStruct(SampleEvents.toolCallSpan());
        assertEquals(797_000L, struct.getInt64("durationNanos"));
        assertEquals("INTERNAL", struct.getString("kind"));
        assertEquals("ERROR", struct.getString("statusCode"));
        assertEquals(AgentEvent.SCHEMA_VERSION, struct.schema().version());
    }
}
