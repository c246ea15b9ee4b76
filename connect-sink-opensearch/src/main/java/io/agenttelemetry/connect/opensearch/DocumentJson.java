package io.agenttelemetry.connect.opensearch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.SpanEvent;
import io.agenttelemetry.connect.model.StatusCode;

/**
 * Writes agent events as the JSON of Data Prepper's otel span and log documents, in one pass from the event: no map
 * per document is built and walked again by a serializer, and the bytes are what the bulk request carries. One
 * instance per task thread (it reuses its buffer).
 */
final class DocumentJson {
    private static final JsonFactory JSON = new JsonFactory();

    /** More fields of the document, written after the event's own. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);

    byte[] span(AgentEvent e, Fields more) {
        return document(g -> {
            g.writeStringField("traceId", e.traceId());
            g.writeStringField("spanId", e.spanId());
            g.writeStringField("parentSpanId", e.parentSpanId() == null ? "" : e.parentSpanId());
            g.writeStringField("name", e.name());
            g.writeStringField("kind", "SPAN_KIND_" + (e.kind() == null ? "UNSPECIFIED" : e.kind().name()));
            g.writeStringField("startTime", isoNanos(e.startTimeUnixNano()));
            g.writeStringField("endTime", isoNanos(e.endTimeUnixNano()));
            number(g, "durationInNanos", e.durationNanos());
            g.writeStringField("serviceName", e.serviceName());
            g.writeObjectFieldStart("status");
            g.writeNumberField("code", (e.statusCode() == null ? StatusCode.UNSET : e.statusCode()).ordinal());
            g.writeStringField("message", e.statusMessage());
            g.writeEndObject();
            attributes(g, "attributes", e.attributes());
            resource(g, e);
            g.writeArrayFieldStart("events");
            for (SpanEvent se : e.events()) {
                g.writeStartObject();
                g.writeStringField("name", se.name());
                g.writeStringField("time", isoNanos(se.timeUnixNano()));
                attributes(g, "attributes", se.attributes());
                g.writeEndObject();
            }
            g.writeEndArray();
            scope(g, e);
            more.write(g);
        });
    }

    byte[] log(AgentEvent e, Fields more) {
        return document(g -> {
            g.writeStringField("time", isoNanos(e.startTimeUnixNano()));
            g.writeStringField("traceId", e.traceId());
            g.writeStringField("spanId", e.spanId());
            g.writeStringField("severityText", e.severityText());
            number(g, "severityNumber", e.severityNumber());
            g.writeStringField("body", e.body());
            g.writeStringField("name", e.name());
            g.writeStringField("serviceName", e.serviceName());
            attributes(g, "attributes", e.attributes());
            resource(g, e);
            scope(g, e);
            if (e.source() != null) {
                g.writeObjectFieldStart("source");
                g.writeStringField("file", e.source().file());
                g.writeNumberField("offset", e.source().offset());
                g.writeStringField("format", e.source().format());
                g.writeEndObject();
            }
            more.write(g);
        });
    }

    /** RFC 3339 with nanoseconds, as date_nanos fields take it. */
    static String isoNanos(Long nanos) {
        if (nanos == null) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    private byte[] document(Fields fields) {
        buffer.reset();
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return buffer.toByteArray();
    }

    private static void number(JsonGenerator g, String name, Number value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.longValue());
        }
    }

    private static void attributes(JsonGenerator g, String name, Map<String, String> attributes) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            g.writeStringField(a.getKey(), a.getValue());
        }
        g.writeEndObject();
    }

    private static void resource(JsonGenerator g, AgentEvent e) throws IOException {
        g.writeObjectFieldStart("resource");
        attributes(g, "attributes", e.resourceAttributes());
        g.writeEndObject();
    }

    private static void scope(JsonGenerator g, AgentEvent e) throws IOException {
        g.writeObjectFieldStart("instrumentationScope");
        g.writeStringField("name", e.scopeName());
        g.writeStringField("version", e.scopeVersion());
        g.writeEndObject();
    }
}
