package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.agenttelemetry.connect.stack.Http;

/** Agent span events as the source writes them through the worker's JSON converter (schemaless). */
final class AgentEvents {
    private AgentEvents() {
    }

    static String traceId(int i) {
        return String.format("%032x", 0xa9e00000L + i);
    }

    static String spanId(int i) {
        return String.format("%016x", 0x5e00000L + i);
    }

    static String toolSpan(int i, String tool, boolean error, long durationMs) {
        long start = 1_764_151_200_000_000_000L + i * 1_000_000L;
        return "{\"schemaVersion\":1,\"eventType\":\"SPAN\",\"traceId\":\"" + traceId(i) + "\",\"spanId\":\"" + spanId(i)
                + "\",\"parentSpanId\":null,\"name\":\"execute_tool " + tool + "\",\"kind\":\"INTERNAL\",\"startTimeUnixNano\":" + start
                + ",\"endTimeUnixNano\":" + (start + durationMs * 1_000_000L) + ",\"durationNanos\":" + durationMs * 1_000_000L
                + ",\"statusCode\":\"" + (error ? "ERROR" : "OK") + "\",\"statusMessage\":null,\"serviceName\":\"support-agent\","
                + "\"scopeName\":null,\"scopeVersion\":null,\"resourceAttributes\":{\"service.name\":\"support-agent\"},"
                + "\"attributes\":{\"gen_ai.operation.name\":\"execute_tool\",\"gen_ai.tool.name\":\"" + tool + "\"},"
                + "\"events\":[],\"severityText\":null,\"severityNumber\":null,\"body\":null,\"source\":null}";
    }

    static List<String> toolSpans(int count) {
        return toolSpans(0, count);
    }

    /** Asserts the JSON lines hold spans 0 to count - 1, each exactly once. */
    static void assertEachSpanOnce(List<String> jsonLines, int count) throws Exception {
        Set<String> spans = new HashSet<>();
        for (String line : jsonLines) {
            assertTrue(spans.add(Http.mapper().readTree(line).path("spanId").asText()), "archived twice: " + line);
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < count; i++) {
            expected.add(spanId(i));
        }
        assertEquals(expected, spans);
    }

    /** Spans number from to from + count - 1. */
    static List<String> toolSpans(int from, int count) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(toolSpan(i, i % 3 == 0 ? "search_web" : "read_file", i % 10 == 0, 10 + i % 50));
        }
        return out;
    }
}
