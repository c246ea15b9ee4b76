package io.agenttelemetry.connect.source.parse;

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
            Map<String, String> fields = JsonLines.topLevelFields(line);
            AgentEvent.Builder b = AgentEvent.builder(EventType.LOG).source(source);
            b.startTimeUnixNano(timestamps.parse(field(fields, "time", mapped)));
            b.endTimeUnixNano(timestamps.parse(field(fields, "end_time", mapped)));
            b.severityText(field(fields, "level", mapped));
            b.body(field(fields, "message", mapped));
            b.traceId(field(fields, "trace_id", mapped));
            b.spanId(field(fields, "span_id", mapped));
            b.parentSpanId(field(fields, "parent_span_id", mapped));
            b.serviceName(field(fields, "service", mapped));
            b.name(field(fields, "name", mapped));
            return List.of(b.attributes(GenAiNormalizer.normalize(fields)).build());
        };
    }

    /**
     * A model field's text: where its pointer leads, else the first well-known name present. A pointer into an
     * object or array reads that top-level field's JSON text again, which only mapped nested fields pay for.
     */
    private static String field(Map<String, String> fields, String field, Map<String, JsonPointer> mapped) throws LineParseException {
        JsonPointer pointer = mapped.get(field);
        if (pointer == null) {
            for (String n : FIELDS.get(field)) {
                String v = fields.get(n);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        if (pointer.matches()) {
            return null; // the whole line is no field
        }
        String top = fields.get(pointer.getMatchingProperty());
        if (top == null || pointer.tail().matches()) {
            return top;
        }
        JsonNode nested = JsonLines.parse(top).at(pointer.tail());
        return JsonLines.text(nested.isMissingNode() ? null : nested);
    }
}
