package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.SpanKind;
import io.agenttelemetry.connect.model.StatusCode;

class DocumentMapperTest {
    private final DocumentMapper mapper = new DocumentMapper(IndexNameTemplate.parse("agent-{kind}-{yyyy.MM.dd}"), "agent_telemetry.sensitivity", "agent_telemetry.findings", false);

    static AgentEvent span() {
        return AgentEvent.builder(EventType.SPAN)
                .traceId("5b8efff798038103d269b633813fc60c").spanId("eee19b7ec3c1b174").name("execute_tool search")
                .kind(SpanKind.CLIENT).statusCode(StatusCode.ERROR).statusMessage("boom").serviceName("agent")
                .startTimeUnixNano(1_764_151_200_123_456_789L).endTimeUnixNano(1_764_151_200_223_456_789L)
                .attribute("gen_ai.tool.name", "search").resourceAttribute("service.name", "agent").build();
    }

    private static SinkRecord record(Object value, Schema schema, long offset) {
        return new SinkRecord("agent-events", 0, null, null, schema, value, offset, 1_000L, null, new ConnectHeaders());
    }

    /** The JSON a JSON converter without schemas writes for the event. */
    static byte[] schemalessJsonBytes(AgentEvent e) {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of("schemas.enable", "false"), false);
        return c.fromConnectData("t", AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(e));
    }

    /** What a sink sees from a JSON converter without schemas: the struct as plain maps. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asSchemalessJson(AgentEvent e) {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of("schemas.enable", "false"), false);
        byte[] json = c.fromConnectData("t", AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(e));
        return (Map<String, Object>) c.toConnectData("t", json).value();
    }

    /** The document's JSON as maps, integers as longs. */
    static Map<String, Object> source(Document d) {
        try {
            return new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS).readValue(d.source, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void spanBecomesADataPrepperSpanDocument() {
        Document d = mapper.toDocument(record(AgentEventConnect.toStruct(span()), AgentEventConnect.SCHEMA, 7));
        assertEquals("agent-spans-2025.11.26", d.index);
        assertEquals("5b8efff798038103d269b633813fc60c-eee19b7ec3c1b174", d.id);
        assertEquals("SPAN_KIND_CLIENT", source(d).get("kind"));
        assertEquals("", source(d).get("parentSpanId"));
        assertEquals("2025-11-26T10:00:00.123456789Z", source(d).get("startTime"));
        assertEquals(100_000_000L, source(d).get("durationInNanos"));
        assertEquals(2L, ((Map<String, Object>) source(d).get("status")).get("code"));
        assertEquals("search", ((Map<String, Object>) source(d).get("attributes")).get("gen_ai.tool.name"));
        assertEquals("agent", source(d).get("serviceName"));
    }

    @Test
    void schemalessJsonEventsMapTheSameAsStructs() {
        Document fromStruct = mapper.toDocument(record(AgentEventConnect.toStruct(span()), AgentEventConnect.SCHEMA, 7));
        Document fromMap = mapper.toDocument(record(asSchemalessJson(span()), null, 8));
        assertEquals(fromStruct.id, fromMap.id);
        assertEquals(fromStruct.index, fromMap.index);
        // Apart from where each came from in Kafka (and when it was indexed), the documents are the same.
        Map<String, Object> structDocument = source(fromStruct);
        Map<String, Object> mapDocument = source(fromMap);
        structDocument.remove("agentTelemetry");
        mapDocument.remove("agentTelemetry");
        assertEquals(structDocument, mapDocument);
    }

    @Test
    void jsonReadAsBytesOrTextMapsAsJsonConverterWouldGiveIt() {
        Document fromStruct = mapper.toDocument(record(AgentEventConnect.toStruct(span()), AgentEventConnect.SCHEMA, 7));
        byte[] json = schemalessJsonBytes(span());
        Document fromBytes = mapper.toDocument(record(json, null, 7));
        Document fromText = mapper.toDocument(record(" " + new String(json, StandardCharsets.UTF_8), null, 7));
        for (Document d : List.of(fromBytes, fromText)) {
            assertEquals(fromStruct.id, d.id);
            assertEquals(fromStruct.index, d.index);
            Map<String, Object> expected = source(fromStruct);
            Map<String, Object> actual = source(d);
            ((Map<?, ?>) expected.get("agentTelemetry")).remove("ingestLagMs");
            ((Map<?, ?>) actual.get("agentTelemetry")).remove("ingestLagMs");
            assertEquals(expected, actual);
        }
        // Other JSON objects are indexed as they are; text that is not a JSON object stays one value.
        assertEquals(Map.of("tool", "search", "n", 1L), source(mapper.toDocument(record("{\"tool\":\"search\",\"n\":1}", null, 8))));
        assertEquals(Map.of("value", "{not json"), source(mapper.toDocument(record("{not json", null, 9))));
        assertEquals(Map.of("value", "[1,2]"), source(mapper.toDocument(record("[1,2]", null, 10))));
    }

    @Test
    void logIdsComeFromWhereTheLogWasReadSoReplaysOverwrite() {
        AgentEvent log = AgentEvent.builder(EventType.LOG).body("hello").startTimeUnixNano(1L)
                .source(EventSource.create("/var/log/a.log", 120, "jsonl")).build();
        Document first = mapper.toDocument(record(AgentEventConnect.toStruct(log), AgentEventConnect.SCHEMA, 1));
        Document replay = mapper.toDocument(record(AgentEventConnect.toStruct(log), AgentEventConnect.SCHEMA, 99));
        assertEquals(first.id, replay.id);
        assertEquals("agent-logs-1970.01.01", first.index);
        AgentEvent other = log.toBuilder().source(EventSource.create("/var/log/a.log", 240, "jsonl")).build();
        assertNotEquals(first.id, mapper.toDocument(record(AgentEventConnect.toStruct(other), AgentEventConnect.SCHEMA, 2)).id);
    }

    @Test
    void otherValuesAreIndexedAsTheyComeWithOffsetIds() {
        Schema s = SchemaBuilder.struct().name("x").field("a", Schema.STRING_SCHEMA).field("b", Schema.BYTES_SCHEMA).build();
        Document d = mapper.toDocument(record(new Struct(s).put("a", "v").put("b", new byte[] {1, 2}), s, 5));
        assertEquals("agent-events+0+5", d.id);
        assertEquals("agent-agent-events-1970.01.01", d.index);
        assertEquals(Map.of("a", "v", "b", "AQI="), source(d));
        Map<String, Object> plain = new HashMap<>();
        plain.put("k", 1);
        assertEquals(Map.of("k", 1L), source(mapper.toDocument(record(plain, null, 6))));
    }

    @Test
    void sensitivityComesFromTheHeaderAndDefaultsToRestricted() {
        DocumentMapper m = new DocumentMapper(IndexNameTemplate.parse("agent-{sensitivity}-{kind}"), "agent_telemetry.sensitivity", "agent_telemetry.findings", false);
        ConnectHeaders h = new ConnectHeaders();
        h.addString("agent_telemetry.sensitivity", "Internal");
        SinkRecord r = new SinkRecord("t", 0, null, null, AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(span()), 1, 1L, null, h);
        assertEquals("agent-internal-spans", m.toDocument(r).index);
        assertEquals("agent-restricted-spans", m.toDocument(record(AgentEventConnect.toStruct(span()), AgentEventConnect.SCHEMA, 1)).index);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pipelineFieldsCarryTheClassTheFindingTypesAndTotalAndTheKafkaPosition() {
        ConnectHeaders h = new ConnectHeaders();
        h.addString("agent_telemetry.sensitivity", "restricted");
        h.addString("agent_telemetry.findings", "EMAIL:2,GITHUB_PAT:1");
        long now = System.currentTimeMillis();
        SinkRecord r = new SinkRecord("agent-events", 3, null, null, AgentEventConnect.SCHEMA, AgentEventConnect.toStruct(span()), 42, now - 5000,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, h);
        Map<String, Object> meta = (Map<String, Object>) source(mapper.toDocument(r)).get("agentTelemetry");
        assertEquals("restricted", meta.get("sensitivity"));
        assertEquals(List.of("EMAIL", "GITHUB_PAT"), meta.get("findingTypes"));
        assertEquals(3L, meta.get("findingCount"));
        assertEquals(Map.of("topic", "agent-events", "partition", 3L, "offset", 42L), meta.get("kafka"));
        long lag = (Long) meta.get("ingestLagMs");
        assertTrue(lag >= 5000 && lag < 60_000, "lag " + lag);
    }

    @Test
    void badTemplatesAreConfigErrors() {
        assertThrows(ConfigException.class, () -> IndexNameTemplate.parse("agent-{kind"));
        assertThrows(ConfigException.class, () -> IndexNameTemplate.parse("agent-{nonsense pattern q}"));
    }
}
