package io.agenttelemetry.connect.source.parse;

import static io.agenttelemetry.connect.source.parse.JsonLines.text;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.GenAiNormalizer;

/**
 * Any JSON-lines log: each line one JSON object, read as a log record. Model fields come from the JSON Pointers
 * the user maps ({@code jsonl.fields}), else from well-known field names; every top-level field becomes an
 * attribute, objects and arrays as JSON text, with current GenAI names added for OpenInference and deprecated ones.
 */
public final class JsonLinesParserProvider implements EventParserProvider {
    public static final String FORMAT = "jsonl";

    /** The model fields {@code jsonl.fields} can map, with the names tried when unmapped. */
    public static final Map<String, List<String>> FIELDS = Map.of(
            "time", List.of("timestamp", "time", "ts", "@timestamp", "timeUnixNano"),
            "end_time", List.of("end_time", "endTime", "ended_at"),
            "level", List.of("level", "severity", "severityText", "levelname", "log.level"),
            "message", List.of("message", "msg", "body", "event"),
            "trace_id", List.of("trace_id", "traceId", "trace.id", "otelTraceID"),
            "span_id", List.of("span_id", "spanId", "span.id", "otelSpanID"),
            "parent_span_id", List.of("parent_span_id", "parentSpanId", "parent_id"),
            "service", List.of("service.name", "service", "logger"),
            "name", List.of("name", "event_name"));

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public boolean sniff(String firstLine) {
        return firstLine.stripLeading().startsWith("{");
    }

    @Override
    public EventParser create(ParserSettings settings) {
        Map<String, JsonPointer> mapped = new LinkedHashMap<>();
        settings.jsonFields().forEach((field, pointer) -> mapped.put(field, JsonPointer.compile(pointer)));
        Timestamps timestamps = settings.timestamps();
        return (line, source) -> {
            JsonNode root = JsonLines.object(line);
            AgentEvent.Builder b = AgentEvent.builder(EventType.LOG).source(source);
            b.startTimeUnixNano(timestamps.parse(text(field(root, "time", mapped))));
            b.endTimeUnixNano(timestamps.parse(text(field(root, "end_time", mapped))));
            b.severityText(text(field(root, "level", mapped)));
            b.body(text(field(root, "message", mapped)));
            b.traceId(text(field(root, "trace_id", mapped)));
            b.spanId(text(field(root, "span_id", mapped)));
            b.parentSpanId(text(field(root, "parent_span_id", mapped)));
            b.serviceName(text(field(root, "service", mapped)));
            b.name(text(field(root, "name", mapped)));
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

    private static JsonNode field(JsonNode root, String field, Map<String, JsonPointer> mapped) {
        JsonPointer pointer = mapped.get(field);
        if (pointer != null) {
            JsonNode v = root.at(pointer);
            return v.isMissingNode() || v.isNull() ? null : v;
        }
        for (String n : FIELDS.get(field)) {
            JsonNode v = root.get(n);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }
}
