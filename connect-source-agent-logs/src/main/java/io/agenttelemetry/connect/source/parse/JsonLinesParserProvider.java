package io.agenttelemetry.connect.source.parse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.GenAiNormalizer;

/**
 * Any JSON-lines log: each line one JSON object, read as a log record. Well-known field names fill the model's
 * fields (time, level, message, trace and span ids); every top-level field becomes an attribute, objects and
 * arrays as JSON text, with current GenAI names added for OpenInference and deprecated ones.
 */
public final class JsonLinesParserProvider implements EventParserProvider {
    public static final String FORMAT = "jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TIME = List.of("timestamp", "time", "ts", "@timestamp", "timeUnixNano");
    private static final List<String> LEVEL = List.of("level", "severity", "severityText", "levelname", "log.level");
    private static final List<String> MESSAGE = List.of("message", "msg", "body", "event");
    private static final List<String> TRACE_ID = List.of("trace_id", "traceId", "trace.id", "otelTraceID");
    private static final List<String> SPAN_ID = List.of("span_id", "spanId", "span.id", "otelSpanID");
    private static final List<String> SERVICE = List.of("service.name", "service", "logger", "name");

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public boolean sniff(String firstLine) {
        return firstLine.stripLeading().startsWith("{");
    }

    @Override
    public EventParser create() {
        return (line, source) -> {
            JsonNode root;
            try {
                root = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new LineParseException("not JSON: " + e.getOriginalMessage(), e);
            }
            if (root == null || !root.isObject()) {
                throw new LineParseException("not a JSON object");
            }
            AgentEvent.Builder b = AgentEvent.builder(EventType.LOG).source(source);
            b.startTimeUnixNano(time(first(root, TIME)));
            b.severityText(text(first(root, LEVEL)));
            b.body(text(first(root, MESSAGE)));
            b.traceId(text(first(root, TRACE_ID)));
            b.spanId(text(first(root, SPAN_ID)));
            b.serviceName(text(first(root, SERVICE)));
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (!v.isNull()) {
                    attributes.put(f.getKey(), v.isValueNode() ? v.asText() : v.toString());
                }
            }
            return List.of(b.attributes(GenAiNormalizer.normalize(attributes)).build());
        };
    }

    private static JsonNode first(JsonNode root, List<String> names) {
        for (String n : names) {
            JsonNode v = root.get(n);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode v) {
        return v == null ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /** ISO-8601 text, or epoch seconds, milliseconds or nanoseconds told apart by magnitude. */
    static Long time(JsonNode v) throws LineParseException {
        if (v == null) {
            return null;
        }
        if (v.isNumber() || v.asText().matches("\\d+(\\.\\d+)?")) {
            double n = v.asDouble();
            if (n < 1e11) return (long) (n * 1e9);      // seconds
            if (n < 1e14) return (long) (n * 1e6);      // milliseconds
            if (n < 1e17) return (long) (n * 1e3);      // microseconds
            return v.isNumber() ? v.asLong() : Long.parseLong(v.asText().split("\\.")[0]); // nanoseconds
        }
        try {
            Instant t = Instant.parse(v.asText());
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (DateTimeParseException e) {
            try {
                Instant t = java.time.OffsetDateTime.parse(v.asText()).toInstant();
                return t.getEpochSecond() * 1_000_000_000L + t.getNano();
            } catch (DateTimeParseException e2) {
                throw new LineParseException("unreadable time '" + v.asText() + "'");
            }
        }
    }
}
