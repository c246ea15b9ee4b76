package io.agenttelemetry.connect.model.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventAvro;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.SpanKind;
import io.agenttelemetry.connect.model.StatusCode;
import io.agenttelemetry.connect.model.TestData;

class OtlpJsonParserTest {
    private final OtlpJsonParser parser = new OtlpJsonParser();

    private static String read(String relative) throws IOException {
        return Files.readString(TestData.path(relative), StandardCharsets.UTF_8);
    }

    @Test
    void specTraceExampleBecomesOneSpanWithLowercaseIds() throws Exception {
        List<AgentEvent> events = parser.parse(read("corpus/agent-traces/otlp-reference/opentelemetry-proto-examples-trace.json"), null);
        assertEquals(1, events.size());
        AgentEvent span = events.get(0);
        assertEquals(EventType.SPAN, span.eventType());
        assertEquals("5b8efff798038103d269b633813fc60c", span.traceId());
        assertEquals("eee19b7ec3c1b174", span.spanId());
        assertEquals("eee19b7ec3c1b173", span.parentSpanId());
        assertEquals(SpanKind.SERVER, span.kind());
        assertEquals(1_544_712_660_000_000_000L, span.startTimeUnixNano());
        assertEquals(1_000_000_000L, span.durationNanos());
        assertEquals("my.service", span.serviceName());
        assertEquals("my.library", span.scopeName());
        assertEquals("1.0.0", span.scopeVersion());
        assertEquals("some value", span.attribute("my.span.attr"));
        assertEquals(StatusCode.UNSET, span.statusCode());
    }

    @Test
    void specLogsExampleRendersEveryAnyValueKind() throws Exception {
        List<AgentEvent> events = parser.parse(read("corpus/agent-traces/otlp-reference/opentelemetry-proto-examples-logs.json"), null);
        assertEquals(1, events.size());
        AgentEvent log = events.get(0);
        assertEquals(EventType.LOG, log.eventType());
        assertEquals("Example log record", log.body());
        assertEquals("Information", log.severityText());
        assertEquals(10, log.severityNumber());
        assertEquals("5b8efff798038103d269b633813fc60c", log.traceId());
        assertEquals("some string", log.attribute("string.attribute"));
        assertEquals("true", log.attribute("boolean.attribute"));
        assertEquals("10", log.attribute("int.attribute"));
        assertEquals("637.704", log.attribute("double.attribute"));
        assertEquals("[\"many\",\"values\"]", log.attribute("array.attribute"));
        assertEquals("{\"some.map.key\":\"some value\"}", log.attribute("map.attribute"));
    }

    @Test
    void bytesStayBase64AndEmptyValuesBecomeEmptyStrings() throws Exception {
        AgentEvent span = parser.parse("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"attributes\":["
                + "{\"key\":\"b\",\"value\":{\"bytesValue\":\"R3JlZXRpbmdz\"}},{\"key\":\"e\",\"value\":{}}]}]}]}]}", null).get(0);
        assertEquals("R3JlZXRpbmdz", span.attribute("b"));
        assertEquals("", span.attribute("e"));
    }

    @Test
    void crewAiFileExporterLinesParseAndRoundTrip() throws Exception {
        List<String> lines = Files.readAllLines(TestData.path("corpus/agent-traces/crewai-telemetry/crewai-telemetry.otlp.jsonl"));
        assertEquals(65, lines.size());
        List<AgentEvent> spans = new ArrayList<>();
        long offset = 0;
        for (String line : lines) {
            spans.addAll(parser.parse(line, EventSource.create("crewai-telemetry.otlp.jsonl", offset, OtlpJsonParser.FORMAT)));
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        assertTrue(spans.size() >= lines.size(), "at least one span per request, got " + spans.size());
        Set<String> ids = new HashSet<>();
        for (AgentEvent span : spans) {
            assertTrue(span.traceId().matches("[0-9a-f]{32}"), span.traceId());
            assertTrue(span.spanId().matches("[0-9a-f]{16}"), span.spanId());
            assertEquals("crewAI-telemetry", span.serviceName());
            assertTrue(ids.add(span.traceId() + span.spanId()), "duplicate span " + span);

            Struct struct = AgentEventConnect.toStruct(span);
            struct.validate();
            assertEquals(span, AgentEventConnect.fromStruct(struct));
            assertEquals(span, AgentEventAvro.fromRecord(AgentEventAvro.toRecord(span)));
        }
    }

    @Test
    void jsonInsideStringAttributesStaysAString() throws Exception {
        List<String> lines = Files.readAllLines(TestData.path("corpus/agent-traces/crewai-telemetry/crewai-telemetry.otlp.jsonl"));
        String agents = null;
        for (String line : lines) {
            for (AgentEvent span : parser.parse(line, null)) {
                if (span.attribute("crew_agents") != null) {
                    agents = span.attribute("crew_agents");
                }
            }
        }
        assertTrue(agents != null && agents.startsWith("[{"), "crew_agents kept as the JSON string it was: " + agents);
    }

    @Test
    void rootSpanWithoutParentHasNullParent() throws Exception {
        AgentEvent span = parser.parse("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"AB\",\"spanId\":\"CD\",\"parentSpanId\":\"\",\"kind\":9}]}]}]}", null).get(0);
        assertNull(span.parentSpanId());
        assertEquals(SpanKind.UNSPECIFIED, span.kind());
        assertNull(span.serviceName());
    }

    @Test
    void badInputIsReportedWithTheReason() {
        OtlpParseException notJson = assertThrows(OtlpParseException.class, () -> parser.parse("{\"resourceSpans\":[", null));
        assertTrue(notJson.getMessage().startsWith("not JSON"), notJson.getMessage());
        assertThrows(OtlpParseException.class, () -> parser.parse("[1,2]", null));
        assertThrows(OtlpParseException.class, () -> parser.parse("{\"hello\":1}", null));
        OtlpParseException badNumber = assertThrows(OtlpParseException.class, () -> parser.parse(
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":\"soon\"}]}]}]}", null));
        assertTrue(badNumber.getMessage().contains("int64"), badNumber.getMessage());
    }
}
