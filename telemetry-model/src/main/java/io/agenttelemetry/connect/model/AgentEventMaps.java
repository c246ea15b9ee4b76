package io.agenttelemetry.connect.model;

import java.util.List;
import java.util.Map;

/**
 * Reads an agent event from the schemaless form sinks receive when the value converter drops schemas (JSON with
 * schemas.enable=false): a map with the same field names as the Connect struct.
 */
public final class AgentEventMaps {
    private AgentEventMaps() {
    }

    /** True if the map has the shape of an agent event. */
    public static boolean isAgentEvent(Map<?, ?> map) {
        Object type = map.get("eventType");
        return type instanceof String && ("SPAN".equals(type) || "LOG".equals(type));
    }

    public static AgentEvent fromMap(Map<?, ?> m) {
        AgentEvent.Builder b = AgentEvent.builder(EventType.valueOf((String) m.get("eventType")))
                .traceId(str(m.get("traceId")))
                .spanId(str(m.get("spanId")))
                .parentSpanId(str(m.get("parentSpanId")))
                .name(str(m.get("name")))
                .kind(AgentEventConnect.enumOrNull(SpanKind.class, str(m.get("kind"))))
                .startTimeUnixNano(num(m.get("startTimeUnixNano")))
                .endTimeUnixNano(num(m.get("endTimeUnixNano")))
                .statusCode(AgentEventConnect.enumOrNull(StatusCode.class, str(m.get("statusCode"))))
                .statusMessage(str(m.get("statusMessage")))
                .serviceName(str(m.get("serviceName")))
                .scopeName(str(m.get("scopeName")))
                .scopeVersion(str(m.get("scopeVersion")))
                .resourceAttributes(strings(m.get("resourceAttributes")))
                .attributes(strings(m.get("attributes")))
                .severityText(str(m.get("severityText")))
                .body(str(m.get("body")));
        Long severity = num(m.get("severityNumber"));
        b.severityNumber(severity == null ? null : severity.intValue());
        Object version = m.get("schemaVersion");
        if (version instanceof Number) {
            b.schemaVersion(((Number) version).intValue());
        }
        Object events = m.get("events");
        if (events instanceof List) {
            for (Object o : (List<?>) events) {
                Map<?, ?> e = (Map<?, ?>) o;
                b.event(SpanEvent.create(String.valueOf(e.get("name")), num(e.get("timeUnixNano")), strings(e.get("attributes"))));
            }
        }
        Object source = m.get("source");
        if (source instanceof Map) {
            Map<?, ?> s = (Map<?, ?>) source;
            b.source(EventSource.create(str(s.get("file")), num(s.get("offset")), str(s.get("format"))));
        }
        return b.build();
    }

    private static String str(Object v) {
        return v == null ? null : v.toString();
    }

    private static Long num(Object v) {
        return v == null ? null : v instanceof Number ? ((Number) v).longValue() : Long.parseLong(v.toString());
    }

    private static Map<String, String> strings(Object v) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (v instanceof Map) {
            ((Map<?, ?>) v).forEach((k, val) -> out.put(String.valueOf(k), val == null ? null : val.toString()));
        }
        return out;
    }
}
