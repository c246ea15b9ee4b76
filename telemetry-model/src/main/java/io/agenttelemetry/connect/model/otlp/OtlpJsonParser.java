package io.agenttelemetry.connect.model.otlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.GenAiNormalizer;
import io.agenttelemetry.connect.model.SpanEvent;
import io.agenttelemetry.connect.model.SpanKind;
import io.agenttelemetry.connect.model.StatusCode;

/**
 * Parses one OTLP/JSON {@code ExportTraceServiceRequest} or {@code ExportLogsServiceRequest} (one line of what the
 * OpenTelemetry Collector file exporter writes) into one event per span or log record. Pure: no I/O, no state.
 */
public final class OtlpJsonParser {
    public static final String FORMAT = "otlp-json";

    /**
     * @param json one request object
     * @param source where the line was read, or null; every event gets it
     * @throws OtlpParseException if the text is not JSON or is neither a trace nor a logs request
     */
    public List<AgentEvent> parse(String json, EventSource source) throws OtlpParseException {
        JsonNode root;
        try {
            root = AnyValues.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new OtlpParseException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new OtlpParseException("not a JSON object");
        }
        try {
            return events(root, source);
        } catch (NumberFormatException e) {
            throw new OtlpParseException("bad int64 value: " + e.getMessage(), e);
        }
    }

    private static List<AgentEvent> events(JsonNode root, EventSource source) throws OtlpParseException {
        List<AgentEvent> out = new ArrayList<>();
        if (root.has("resourceSpans")) {
            for (JsonNode resourceSpans : root.path("resourceSpans")) {
                Map<String, String> resource = AnyValues.attributes(resourceSpans.path("resource").path("attributes"));
                for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
                    JsonNode scope = scopeSpans.path("scope");
                    for (JsonNode span : scopeSpans.path("spans")) {
                        out.add(span(span, resource, scope, source));
                    }
                }
            }
        } else if (root.has("resourceLogs")) {
            for (JsonNode resourceLogs : root.path("resourceLogs")) {
                Map<String, String> resource = AnyValues.attributes(resourceLogs.path("resource").path("attributes"));
                for (JsonNode scopeLogs : resourceLogs.path("scopeLogs")) {
                    JsonNode scope = scopeLogs.path("scope");
                    for (JsonNode log : scopeLogs.path("logRecords")) {
                        out.add(log(log, resource, scope, source));
                    }
                }
            }
        } else {
            throw new OtlpParseException("neither resourceSpans nor resourceLogs at the top level");
        }
        return out;
    }

    private static AgentEvent span(JsonNode span, Map<String, String> resource, JsonNode scope, EventSource source) {
        AgentEvent.Builder b = common(EventType.SPAN, span, resource, scope, source)
                .name(text(span, "name"))
                .kind(SpanKind.fromOtlp(span.path("kind").asInt(0)))
                .startTimeUnixNano(nanos(span, "startTimeUnixNano"))
                .endTimeUnixNano(nanos(span, "endTimeUnixNano"))
                .parentSpanId(text(span, "parentSpanId"));
        JsonNode status = span.path("status");
        b.statusCode(StatusCode.fromOtlp(status.path("code").asInt(0)));
        b.statusMessage(text(status, "message"));
        for (JsonNode event : span.path("events")) {
            b.event(SpanEvent.create(event.path("name").asText(""), nanos(event, "timeUnixNano"),
                    AnyValues.attributes(event.path("attributes"))));
        }
        return b.build();
    }

    private static AgentEvent log(JsonNode log, Map<String, String> resource, JsonNode scope, EventSource source) {
        Long time = nanos(log, "timeUnixNano");
        if (time == null || time == 0L) {
            // OTLP: when the event time is unknown, the observed time stands in for it.
            time = nanos(log, "observedTimeUnixNano");
        }
        JsonNode severity = log.get("severityNumber");
        return common(EventType.LOG, log, resource, scope, source)
                .name(text(log, "eventName"))
                .startTimeUnixNano(time)
                .severityNumber(severity == null ? null : severity.asInt())
                .severityText(text(log, "severityText"))
                .body(AnyValues.render(log.get("body")))
                .build();
    }

    private static AgentEvent.Builder common(EventType type, JsonNode item, Map<String, String> resource,
                                             JsonNode scope, EventSource source) {
        return AgentEvent.builder(type)
                .traceId(text(item, "traceId"))
                .spanId(text(item, "spanId"))
                .serviceName(resource.get("service.name"))
                .resourceAttributes(resource)
                .scopeName(text(scope, "name"))
                .scopeVersion(text(scope, "version"))
                .attributes(GenAiNormalizer.normalize(AnyValues.attributes(item.path("attributes"))))
                .source(source);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** int64 arrives as a decimal string (or, from lenient writers, a number). */
    private static Long nanos(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        String s = v.asText();
        return s.isEmpty() ? null : Long.parseLong(s);
    }
}
