package io.agenttelemetry.connect.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.SpanEvent;
import io.agenttelemetry.connect.model.otlp.OtlpJsonParser;

/**
 * Documents written from an event's bytes must be the documents the general way writes from the same event read
 * into maps: same index, same id, same JSON. Every event here is checked both ways.
 */
class EventBytesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DocumentMapper mapper = new DocumentMapper(IndexNameTemplate.parse("agent-{kind}-{yyyy.MM.dd}"),
            "agent_telemetry.sensitivity", "agent_telemetry.findings", true);

    private static SinkRecord record(Object value) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("agent_telemetry.sensitivity", "internal");
        headers.addString("agent_telemetry.findings", "EMAIL:2,OPENAI_API_KEY:1");
        return new SinkRecord("agent-events", 3, null, null, null, value, 42, 1_000L, null, headers);
    }

    /** The document from the bytes, with the one it gets from the same JSON as maps (the general way). */
    private void assertSameDocumentBothWays(byte[] json) throws IOException {
        Map<String, Object> asMaps = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        Document fromBytes = mapper.toDocument(record(json));
        Document fromMaps = mapper.toDocument(record(asMaps));
        assertEquals(fromMaps.index, fromBytes.index);
        assertEquals(fromMaps.id, fromBytes.id);
        assertEquals(withoutLag(fromMaps), withoutLag(fromBytes), new String(json, StandardCharsets.UTF_8));
        assertFalse(new String(fromBytes.source, StandardCharsets.UTF_8).contains("\n"), "one line per document in a bulk request");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutLag(Document d) throws IOException {
        Map<String, Object> source = JSON.readValue(d.source, new TypeReference<Map<String, Object>>() { });
        ((Map<String, Object>) source.get("agentTelemetry")).remove("ingestLagMs");
        return source;
    }

    private static List<AgentEvent> corpusEvents() throws IOException {
        Path corpus = Paths.get(System.getProperty("testdata.dir", "../testdata"), "corpus", "agent-traces");
        OtlpJsonParser parser = new OtlpJsonParser();
        List<AgentEvent> events = new ArrayList<>();
        try {
            events.addAll(parser.parse(Files.readString(corpus.resolve("otlp-reference/opentelemetry-proto-examples-trace.json")), null));
            events.addAll(parser.parse(Files.readString(corpus.resolve("otlp-reference/opentelemetry-proto-examples-logs.json")),
                    EventSource.create("logs.json", 0, OtlpJsonParser.FORMAT)));
            long offset = 0;
            for (String line : Files.readAllLines(corpus.resolve("crewai-telemetry/crewai-telemetry.otlp.jsonl"))) {
                events.addAll(parser.parse(line, EventSource.create("crewai-telemetry.otlp.jsonl", offset, OtlpJsonParser.FORMAT)));
                offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        } catch (io.agenttelemetry.connect.model.otlp.OtlpParseException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    @Test
    void corpusEventsAreReadAsBytesAndGiveTheSameDocuments() throws IOException {
        List<AgentEvent> events = corpusEvents();
        assertTrue(events.size() > 20, "corpus events: " + events.size());
        boolean logs = false;
        for (AgentEvent e : events) {
            byte[] json = DocumentMapperTest.schemalessJsonBytes(e);
            assertNotNull(EventBytes.read(json), "read as bytes: " + new String(json, StandardCharsets.UTF_8));
            assertSameDocumentBothWays(json);
            logs |= e.eventType() == EventType.LOG;
        }
        assertTrue(logs);
    }

    @Test
    void escapesAndNonAsciiStringsAreCopiedAsTheyAre() throws IOException {
        String tricky = "quote \" backslash \\ slash / tab \t line\nbreak \u0001 é 漢字 😀 \u2028 end";
        AgentEvent span = DocumentMapperTest.span().toBuilder().name(tricky).statusMessage(tricky)
                .attribute("gen_ai.tool.call.arguments", "{\"q\":\"" + tricky.replace("\"", "\\\"") + "\"}")
                .attribute("key with \"quotes\"", tricky).attribute("empty", "")
                .event(SpanEvent.create(tricky, 5L, Map.of("k", tricky))).event(SpanEvent.create("", null, Map.of()))
                .build();
        byte[] json = DocumentMapperTest.schemalessJsonBytes(span);
        assertNotNull(EventBytes.read(json));
        assertSameDocumentBothWays(json);
        Document d = mapper.toDocument(record(json));
        assertEquals(tricky, JSON.readTree(d.source).path("name").asText());

        AgentEvent log = AgentEvent.builder(EventType.LOG).body(tricky).severityText("ERROR").severityNumber(17).name(tricky)
                .startTimeUnixNano(1_764_151_200_000_000_001L).traceId("ABCDEF0123456789ABCDEF0123456789")
                .source(EventSource.create("/var/log/agent \"a\".log", 1234, "jsonl")).build();
        json = DocumentMapperTest.schemalessJsonBytes(log);
        assertNotNull(EventBytes.read(json));
        assertSameDocumentBothWays(json);
        assertEquals(tricky, JSON.readTree(mapper.toDocument(record(json)).source).path("body").asText());
    }

    @Test
    void jsonInOtherOrderOrWithFieldsOfLaterVersionsIsRead() throws IOException {
        String json = "{\"attributes\":{\"a\":\"1\",\"b\":null},\"future\":{\"x\":[1,{\"y\":2}]},\"spanId\":\"00F067AA0BA902B7\","
                + "\"traceId\":\"4BF92F3577B34DA6A3CE929D0E0E4736\",\"eventType\":\"SPAN\",\"kind\":\"SERVER\",\"events\":null,"
                + "\"startTimeUnixNano\":1764151200000000000,\"durationNanos\":3, \"name\" : \"spaced\" }";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertNotNull(EventBytes.read(bytes));
        assertSameDocumentBothWays(bytes);
        // An event without a name is named "null", as the model's maps name it.
        bytes = json.replace("\"events\":null", "\"events\":[{\"timeUnixNano\":7,\"extra\":true}]").getBytes(StandardCharsets.UTF_8);
        assertNotNull(EventBytes.read(bytes));
        assertSameDocumentBothWays(bytes);
        assertEquals("null", JSON.readTree(mapper.toDocument(record(bytes)).source).path("events").path(0).path("name").asText());
    }

    @Test
    void whatTheMapsWouldReadDifferentlyIsLeftToThem() throws IOException {
        String span = "\"eventType\":\"SPAN\",\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"00f067aa0ba902b7\"";
        List<String> others = List.of(
                "{" + span + ",\"attributes\":{\"tokens\":12,\"tool\":\"search\"}}", // a number the maps turn into text
                "{" + span + ",\"name\":42}",
                "{" + span + ",\"name\":\"a\",\"name\":\"b\"}", // a name twice: the maps keep the last
                "{" + span + ",\"attributes\":{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"}}",
                "{" + span + ",\"attributes\":{\"a\":\"1\",\n\"b\":\"2\"}}", // a map over two lines
                "{" + span + ",\"attributes\":{\"a\":\"1\"\r,\"b\":\"2\"}}",
                "{" + span + ",\"startTimeUnixNano\":\"1764151200000000000\"}",
                "{" + span + ",\"startTimeUnixNano\":1.5e18}",
                "{\"eventType\":\"LOG\",\"source\":{\"file\":\"a.log\",\"offset\":null,\"format\":\"jsonl\"}}",
                "{\"eventType\":\"METRIC\",\"name\":\"x\"}",
                "{\"name\":\"no event type\"}");
        for (String json : others) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertNull(EventBytes.read(bytes), json);
        }
        // Those the maps read as events still give the same documents as before.
        for (String json : others.subList(0, 6)) {
            assertSameDocumentBothWays(json.getBytes(StandardCharsets.UTF_8));
        }
        assertNull(EventBytes.read("{\"eventType\":\"SPAN\",\"name\":\"unterminated}".getBytes(StandardCharsets.UTF_8)));
        assertNull(EventBytes.read("[1]".getBytes(StandardCharsets.UTF_8)));
        assertNull(EventBytes.read(new byte[0]));
    }

    @Test
    void prettyPrintedEventsStillGiveOneLineDocuments() throws IOException {
        byte[] compact = DocumentMapperTest.schemalessJsonBytes(DocumentMapperTest.span());
        byte[] pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(JSON.readTree(compact));
        assertTrue(new String(pretty, StandardCharsets.UTF_8).contains("\n"));
        assertSameDocumentBothWays(pretty);
        assertEquals(withoutLag(mapper.toDocument(record(compact))), withoutLag(mapper.toDocument(record(pretty))));
    }
}
