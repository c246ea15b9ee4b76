package io.agenttelemetry.connect.source.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.StatusCode;

class OpenAiAgentsParserProviderTest {
    private static final String FILE = "agent-logs/openai-agents-sdk/openai-traces-ingest-payloads.jsonl";

    @Test
    void everyItemOfEveryPayloadBecomesOneEvent() throws Exception {
        List<String> lines = Corpus.lines(FILE);
        int spans = 0;
        int traces = 0;
        Set<String> spanIds = new java.util.HashSet<>();
        for (String line : lines) {
            for (JsonNode item : new ObjectMapper().readTree(line).get("body").get("data")) {
                if (item.get("object").asText().equals("trace.span")) {
                    spans++;
                    spanIds.add(item.get("id").asText());
                } else {
                    traces++;
                }
            }
        }
        int[] errors = {0};
        List<AgentEvent> events = Corpus.parseAll(new OpenAiAgentsParserProvider().create(ParserSettings.DEFAULTS), lines, "openai-agents", errors);
        assertEquals(0, errors[0]);
        assertEquals(spans, events.stream().filter(e -> e.eventType() == EventType.SPAN).count());
        assertEquals(traces, events.stream().filter(e -> e.eventType() == EventType.LOG).count());
        // The recording sends some spans twice; distinct SDK ids stay distinct after deriving OTel-sized ids.
        assertEquals(spanIds.size(), events.stream().filter(e -> e.eventType() == EventType.SPAN).map(AgentEvent::spanId).distinct().count());

        AgentEvent tool = events.stream().filter(e -> "analyze_data".equals(e.attributes().get("gen_ai.tool.name"))).findFirst().get();
        assertEquals("execute_tool analyze_data", tool.name());
        assertEquals("{\"data_request\":\"Sales data from last quarter\"}", tool.attributes().get("gen_ai.tool.call.arguments"));
        assertEquals("2dc4a148df4c45ed8b309c32cc5c11a9", tool.traceId());
        assertEquals(534_000L, tool.durationNanos());
        assertEquals(StatusCode.UNSET, tool.statusCode());

        // Parent links survive id derivation: every parent that is in the recording is found.
        Set<String> ids = events.stream().map(AgentEvent::spanId).filter(id -> id != null).collect(Collectors.toSet());
        long linked = events.stream().filter(e -> e.parentSpanId() != null && ids.contains(e.parentSpanId())).count();
        assertTrue(linked > spans / 2, "linked parents: " + linked);
        AgentEvent agent = events.stream().filter(e -> "Data Router Agent".equals(e.attributes().get("gen_ai.agent.name"))).findFirst().get();
        assertNull(agent.parentSpanId());
        assertEquals("invoke_agent", agent.attributes().get("gen_ai.operation.name"));
    }

    @Test
    void readsBarePayloadsSingleItemsAndSpanErrors() throws Exception {
        EventParser p = new OpenAiAgentsParserProvider().create(ParserSettings.DEFAULTS);
        String span = "{\"object\":\"trace.span\",\"id\":\"span_1\",\"trace_id\":\"trace_00000000000000000000000000000001\","
                + "\"parent_id\":null,\"started_at\":\"2025-08-15T17:55:57.120309+00:00\",\"ended_at\":null,"
                + "\"span_data\":{\"type\":\"function\",\"name\":\"lookup\",\"input\":\"{}\",\"output\":null},"
                + "\"error\":{\"message\":\"Error running tool\",\"data\":{\"tool_name\":\"lookup\"}}}";
        AgentEvent single = p.parse(span, EventSource.create("f", 0, "openai-agents")).get(0);
        assertEquals(StatusCode.ERROR, single.statusCode());
        assertEquals("Error running tool", single.statusMessage());
        assertNotNull(single.attributes().get("openai_agents.error.data"));
        assertEquals(2, p.parse("{\"data\":[" + span + "," + span + "]}", EventSource.create("f", 0, "openai-agents")).size());
    }
}
