package io.agenttelemetry.connect.source.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;

class TextParserProviderTest {
    /** Continuation lines of Python tracebacks and Java stack traces, as a negated start pattern. */
    static final String CONTINUATION = "^(\\s|Caused by:|[\\w.]*(Error|Exception)(: |$))";

    private static EventParser parser(String textPattern, String start, boolean negate, int maxLines) {
        ParserSettings s = new ParserSettings(Timestamps.of("yyyy-MM-dd HH:mm:ss,SSS", "UTC"), Map.of(),
                textPattern == null ? null : Pattern.compile(textPattern), start == null ? null : Pattern.compile(start),
                negate, maxLines, 1000, 1 << 20, Map.of());
        return new TextParserProvider().create(s);
    }

    private static List<String> bodies(List<AgentEvent> events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.body()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "java"})
    void joinsStackTracesOfTheFluentBitCasesAsTheyExpect(String name) throws Exception {
        JsonNode testCase = null;
        for (String line : Corpus.lines("agent-logs/multiline/fluent-bit-multiline-cases.jsonl")) {
            JsonNode c = new ObjectMapper().readTree(line);
            if (c.get("case").asText().equals(name)) {
                testCase = c;
            }
        }
        List<String> input = new ArrayList<>();
        testCase.get("input_records").forEach(r -> input.add(r.asText().replaceAll("\n$", "")));
        List<String> expected = new ArrayList<>();
        testCase.get("expected_output_records").forEach(r -> expected.add(r.asText().replaceAll("\n$", "")));

        int[] errors = {0};
        List<AgentEvent> events = Corpus.parseAll(parser(null, CONTINUATION, true, 500), input, "text", errors);
        assertEquals(expected, bodies(events));
        assertEquals(0, errors[0]);
    }

    @Test
    void namedGroupsFillTheModelAndTheMessageKeepsItsContinuationLines() throws Exception {
        EventParser p = parser("^(?<time>\\S+ \\S+) (?<level>[A-Z]+) \\[(?<service>[^\\]]+)\\] (?<message>.*)$",
                "^\\d{4}-\\d{2}-\\d{2} ", false, 500);
        List<AgentEvent> out = new ArrayList<>();
        out.addAll(p.parse("2026-11-26 10:00:00,250 ERROR [planner] tool call failed", EventSource.create("f", 0, "text")));
        out.addAll(p.parse("java.lang.IllegalStateException: boom", EventSource.create("f", 10, "text")));
        out.addAll(p.parse("\tat a.B.c(B.java:1)", EventSource.create("f", 20, "text")));
        assertTrue(out.isEmpty(), "held until the next event starts");
        assertTrue(p.holdsLines());
        out.addAll(p.parse("2026-11-26 10:00:01,000 INFO [planner] retrying", EventSource.create("f", 30, "text")));
        assertEquals(1, out.size());
        AgentEvent e = out.get(0);
        assertEquals("tool call failed\njava.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)", e.body());
        assertEquals("ERROR", e.severityText());
        assertEquals("planner", e.serviceName());
        assertEquals(Instant.parse("2026-11-26T10:00:00.250Z").toEpochMilli() * 1_000_000L, e.startTimeUnixNano());
        assertEquals(0L, e.source().offset(), "an event starts where its first line does");
        assertEquals("planner", e.attributes().get("service"));
        assertFalse(e.attributes().containsKey("message"));

        assertEquals(List.of(), p.idle(999_000_000L), "flush timeout not yet reached");
        List<AgentEvent> flushed = p.idle(1_000_000_000L);
        assertEquals(List.of("retrying"), bodies(flushed));
        assertFalse(p.holdsLines());
    }

    @Test
    void aFirstLineThatDoesNotMatchKeepsItsWholeText() throws Exception {
        EventParser p = parser("^(?<level>[A-Z]+): (?<message>.*)$", null, false, 500);
        AgentEvent e = p.parse("no level here", EventSource.create("f", 0, "text")).get(0);
        assertEquals("no level here", e.body());
        assertNull(e.severityText());
    }

    @Test
    void anUnreadableTimeLeavesTheEventUntimedAndKeepsTheText() throws Exception {
        EventParser p = parser("^(?<time>\\S+) (?<message>.*)$", null, false, 500);
        AgentEvent e = p.parse("yesterday hello", EventSource.create("f", 0, "text")).get(0);
        assertNull(e.startTimeUnixNano());
        assertEquals("yesterday", e.attributes().get("time"));
        assertEquals("hello", e.body());
    }

    @Test
    void maxLinesBoundsAnEvent() throws Exception {
        EventParser p = parser(null, "^\\S", false, 3);
        List<AgentEvent> out = new ArrayList<>();
        out.addAll(p.parse("start", EventSource.create("f", 0, "text")));
        for (int i = 0; i < 5; i++) {
            out.addAll(p.parse(" more " + i, EventSource.create("f", 10 + i, "text")));
        }
        out.addAll(p.finish());
        assertEquals(List.of("start\n more 0\n more 1", " more 2\n more 3\n more 4"), bodies(out));
    }
}
