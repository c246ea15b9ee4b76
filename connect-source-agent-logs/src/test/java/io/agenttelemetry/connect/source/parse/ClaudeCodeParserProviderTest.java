package io.agenttelemetry.connect.source.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.StatusCode;

class ClaudeCodeParserProviderTest {
    private static final String DIR = "agent-logs/claude-code/";

    private static List<AgentEvent> parse(String file, int[] errors) throws IOException {
        return Corpus.parseAll(new ClaudeCodeParserProvider().create(ParserSettings.DEFAULTS), Corpus.lines(DIR + file), "claude-code", errors);
    }

    private static List<AgentEvent> toolCalls(List<AgentEvent> events) {
        return events.stream().filter(e -> "execute_tool".equals(e.attributes().get("gen_ai.operation.name"))).collect(Collectors.toList());
    }

    @Test
    void pairsEachToolUseWithItsResultIntoOneToolCallWithDuration() throws Exception {
        int[] errors = {0};
        List<AgentEvent> events = parse("claude-code-log_representative_messages.jsonl", errors);
        assertEquals(0, errors[0]);
        List<AgentEvent> tools = toolCalls(events);
        assertEquals(List.of("Edit", "Bash"), tools.stream().map(e -> e.attributes().get("gen_ai.tool.name")).collect(Collectors.toList()));
        for (AgentEvent t : tools) {
            assertEquals(EventType.SPAN, t.eventType());
            assertEquals(1_000_000_000L, t.durationNanos(), "tool_use at :30/:00, result one second later");
            assertEquals(StatusCode.OK, t.statusCode());
            assertNotNull(t.attributes().get("gen_ai.tool.call.arguments"));
            assertNotNull(t.attributes().get("gen_ai.tool.call.result"));
            assertEquals("execute_tool " + t.attributes().get("gen_ai.tool.name"), t.name());
        }
        AgentEvent chat = events.stream().filter(e -> "chat".equals(e.attributes().get("gen_ai.operation.name"))).findFirst().get();
        assertEquals("claude-3-sonnet-20240229", chat.attributes().get("gen_ai.request.model"));
        assertEquals("25", chat.attributes().get("gen_ai.usage.input_tokens"));
        assertEquals("120", chat.attributes().get("gen_ai.usage.output_tokens"));
        assertEquals("end_turn", chat.attributes().get("gen_ai.response.finish_reasons"));
        // One session, one trace; the tool span's parent is the assistant message that asked for it.
        assertEquals(1, events.stream().map(AgentEvent::traceId).filter(id -> id != null).distinct().count());
        assertTrue(events.stream().anyMatch(e -> e.spanId().equals(tools.get(0).parentSpanId())));
        assertTrue(events.stream().anyMatch(e -> "session.summary".equals(e.name())));
    }

    @Test
    void aFailedToolResultMakesAnErrorSpanAndBrokenLinesAreErrorsNotCrashes() throws Exception {
        int[] errors = {0};
        List<AgentEvent> events = parse("claude-code-log_edge_cases.jsonl", errors);
        AgentEvent failing = toolCalls(events).stream()
                .filter(e -> "FailingTool".equals(e.attributes().get("gen_ai.tool.name"))).findFirst().get();
        assertEquals(StatusCode.ERROR, failing.statusCode());
        assertEquals("tool_error", failing.attributes().get("error.type"));
        assertNotNull(failing.statusMessage());
        // A bare string, a number, an array and an object without "type" are not entries.
        assertEquals(4, errors[0]);
    }

    @Test
    void toolCallsHeldAcrossLinesKeepTheParserHoldingUntilTheirResult() throws Exception {
        EventParser p = new ClaudeCodeParserProvider().create(ParserSettings.DEFAULTS);
        List<String> lines = Corpus.lines(DIR + "claude-code-transcripts_sample_session.jsonl");
        boolean heldSomewhere = false;
        for (int i = 0; i < lines.size(); i++) {
            p.parse(lines.get(i), EventSource.create("f", i, "claude-code"));
            heldSomewhere |= p.holdsLines();
        }
        assertTrue(heldSomewhere);
        assertFalse(p.holdsLines(), "every tool_use of the session got its result");
    }

    @Test
    void anUnansweredToolUseIsEmittedWhenTheFileEnds() throws Exception {
        EventParser p = new ClaudeCodeParserProvider().create(ParserSettings.DEFAULTS);
        String line = Corpus.lines(DIR + "claude-code-transcripts_sample_session.jsonl").stream()
                .filter(l -> l.contains("\"tool_use\"")).findFirst().get();
        p.parse(line, EventSource.create("f", 0, "claude-code"));
        List<AgentEvent> rest = p.finish();
        assertEquals(1, rest.size());
        assertEquals(null, rest.get(0).endTimeUnixNano());
        assertFalse(p.holdsLines());
    }

    @Test
    void toolArgumentsKeepTheValuesOfTheirNumbers() throws Exception {
        EventParser p = new ClaudeCodeParserProvider().create(ParserSettings.DEFAULTS);
        String line = "{\"type\":\"assistant\",\"timestamp\":\"2025-11-26T10:00:00Z\",\"sessionId\":\"s\",\"uuid\":\"u1\","
                + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"Bash\","
                + "\"input\":{\"temperature\":0.70,\"tiny\":1e-7,\"huge\":1E400,\"pi\":3.141592653589793238462643383279,\"timeout\":120000}}]}}";
        p.parse(line, EventSource.create("f", 0, "claude-code"));
        AgentEvent call = p.finish().get(0);
        // The same numbers: read as doubles they were 0.7, 1.0E-7, "Infinity" (a string) and 3.141592653589793.
        assertEquals("{\"temperature\":0.70,\"tiny\":1E-7,\"huge\":1E+400,\"pi\":3.141592653589793238462643383279,\"timeout\":120000}",
                call.attributes().get("gen_ai.tool.call.arguments"));
    }

    @Test
    void linesWithoutATypeAreNotTranscriptEntries() throws Exception {
        EventParser p = new ClaudeCodeParserProvider().create(ParserSettings.DEFAULTS);
        assertThrows(LineParseException.class, () -> p.parse("{\"hello\":1}", EventSource.create("f", 0, "claude-code")));
        assertTrue(new ClaudeCodeParserProvider().sniff(Corpus.linesUnchecked(DIR + "claude-code-log_session_b.jsonl").get(0)));
    }
}
