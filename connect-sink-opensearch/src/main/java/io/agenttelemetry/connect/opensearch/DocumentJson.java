package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.JsonDocuments;
import io.agenttelemetry.connect.model.JsonFields;
import io.agenttelemetry.connect.model.SpanEvent;
import io.agenttelemetry.connect.model.SpanKind;
import io.agenttelemetry.connect.model.StatusCode;

/**
 * Writes agent events as the JSON of Data Prepper's otel span and log documents, in one pass from the event: no map
 * per document is built and walked again by a serializer, and the bytes are what the bulk request carries. Events
 * come as {@link AgentEvent}s (from structs and maps) or, read as bytes, as {@link EventBytes}; each document has
 * one writer per form, side by side below. One instance per task thread (it reuses its buffer).
 */
final class DocumentJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] KIND_NAMES = Arrays.stream(SpanKind.values()).map(k -> "SPAN_KIND_" + k.name()).toArray(String[]::new);
    // Field names encoded once: escaping each name again for every document was a sixth of the writing.
    private static final SerializedString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializedString BODY = new SerializedString("body");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString DURATION_IN_NANOS = new SerializedString("durationInNanos");
    private static final SerializedString END_TIME = new SerializedString("endTime");
    private static final SerializedString EVENTS = new SerializedString("events");
    private static final SerializedString FILE = new SerializedString("file");
    private static final SerializedString FORMAT = new SerializedString("format");
    private static final SerializedString INSTRUMENTATION_SCOPE = new SerializedString("instrumentationScope");
    private static final SerializedString KIND = new SerializedString("kind");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString OFFSET = new SerializedString("offset");
    private static final SerializedString PARENT_SPAN_ID = new SerializedString("parentSpanId");
    private static final SerializedString RESOURCE = new SerializedString("resource");
    private static final SerializedString SERVICE_NAME = new SerializedString("serviceName");
    private static final SerializedString SEVERITY_NUMBER = new SerializedString("severityNumber");
    private static final SerializedString SEVERITY_TEXT = new SerializedString("severityText");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString SPAN_ID = new SerializedString("spanId");
    private static final SerializedString START_TIME = new SerializedString("startTime");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString TRACE_ID = new SerializedString("traceId");
    private static final SerializedString VERSION = new SerializedString("version");

    /** More fields of the document, written after the event's own. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private final JsonDocuments documents = new JsonDocuments(JSON);
    private final IsoInstants times = new IsoInstants();

    /** The event's span or log document. */
    byte[] write(AgentEvent e, Fields more) {
        return e.eventType() == EventType.SPAN ? span(e, more) : log(e, more);
    }

    /** The span or log document of an event read as bytes: the same document as from its {@link AgentEvent}. */
    byte[] write(EventBytes e, Fields more) {
        return e.type == EventType.SPAN ? span(e, more) : log(e, more);
    }

    private byte[] span(AgentEvent e, Fields more) {
        return document(g -> {
            JsonFields.string(g, TRACE_ID, e.traceId());
            JsonFields.string(g, SPAN_ID, e.spanId());
            JsonFields.string(g, PARENT_SPAN_ID, e.parentSpanId() == null ? "" : e.parentSpanId());
            JsonFields.string(g, NAME, e.name());
            JsonFields.string(g, KIND, kindName(e.kind()));
            JsonFields.string(g, START_TIME, isoNanos(e.startTimeUnixNano()));
            JsonFields.string(g, END_TIME, isoNanos(e.endTimeUnixNano()));
            JsonFields.number(g, DURATION_IN_NANOS, e.durationNanos());
            JsonFields.string(g, SERVICE_NAME, e.serviceName());
            startObject(g, STATUS);
            JsonFields.number(g, CODE, (e.statusCode() == null ? StatusCode.UNSET : e.statusCode()).ordinal());
            JsonFields.string(g, MESSAGE, e.statusMessage());
            g.writeEndObject();
            JsonFields.stringMap(g, ATTRIBUTES, e.attributes());
            resource(g, e);
            g.writeFieldName(EVENTS);
            g.writeStartArray();
            for (SpanEvent se : e.events()) {
                g.writeStartObject();
                JsonFields.string(g, NAME, se.name());
                JsonFields.string(g, TIME, isoNanos(se.timeUnixNano()));
                JsonFields.stringMap(g, ATTRIBUTES, se.attributes());
                g.writeEndObject();
            }
            g.writeEndArray();
            scope(g, e);
            more.write(g);
        });
    }

    private byte[] log(AgentEvent e, Fields more) {
        return document(g -> {
            JsonFields.string(g, TIME, isoNanos(e.startTimeUnixNano()));
            JsonFields.string(g, TRACE_ID, e.traceId());
            JsonFields.string(g, SPAN_ID, e.spanId());
            JsonFields.string(g, SEVERITY_TEXT, e.severityText());
            JsonFields.number(g, SEVERITY_NUMBER, e.severityNumber());
            JsonFields.string(g, BODY, e.body());
            JsonFields.string(g, NAME, e.name());
            JsonFields.string(g, SERVICE_NAME, e.serviceName());
            JsonFields.stringMap(g, ATTRIBUTES, e.attributes());
            resource(g, e);
            scope(g, e);
            if (e.source() != null) {
                startObject(g, SOURCE);
                JsonFields.string(g, FILE, e.source().file());
                JsonFields.number(g, OFFSET, e.source().offset());
                JsonFields.string(g, FORMAT, e.source().format());
                g.writeEndObject();
            }
            more.write(g);
        });
    }

    /**
     * The span document of an event read as bytes: the same document as {@link #span(AgentEvent, Fields)} writes
     * (EventBytesTest compares them), with strings and attribute maps copied as they are.
     */
    private byte[] span(EventBytes e, Fields more) {
        return document(g -> {
            JsonFields.string(g, TRACE_ID, e.traceId);
            JsonFields.string(g, SPAN_ID, e.spanId);
            JsonFields.string(g, PARENT_SPAN_ID, e.parentSpanId == null ? "" : e.parentSpanId);
            string(g, NAME, e.name);
            JsonFields.string(g, KIND, kindName(e.kind));
            JsonFields.string(g, START_TIME, isoNanos(e.startTimeUnixNano));
            JsonFields.string(g, END_TIME, isoNanos(e.endTimeUnixNano));
            JsonFields.number(g, DURATION_IN_NANOS, e.startTimeUnixNano != null && e.endTimeUnixNano != null
                    ? e.endTimeUnixNano - e.startTimeUnixNano : null);
            string(g, SERVICE_NAME, e.serviceName);
            startObject(g, STATUS);
            JsonFields.number(g, CODE, (e.statusCode == null ? StatusCode.UNSET : e.statusCode).ordinal());
            string(g, MESSAGE, e.statusMessage);
            g.writeEndObject();
            stringMap(g, ATTRIBUTES, e.attributes);
            startObject(g, RESOURCE);
            stringMap(g, ATTRIBUTES, e.resourceAttributes);
            g.writeEndObject();
            g.writeFieldName(EVENTS);
            g.writeStartArray();
            for (EventBytes.SpanEventSlices se : e.events) {
                g.writeStartObject();
                if (se.name == null) {
                    JsonFields.string(g, NAME, "null"); // as String.valueOf gives it the model
                } else {
                    string(g, NAME, se.name);
                }
                JsonFields.string(g, TIME, isoNanos(se.timeUnixNano));
                stringMap(g, ATTRIBUTES, se.attributes);
                g.writeEndObject();
            }
            g.writeEndArray();
            scope(g, e);
            more.write(g);
        });
    }

    /** The log document of an event read as bytes, as {@link #log(AgentEvent, Fields)} writes it. */
    private byte[] log(EventBytes e, Fields more) {
        return document(g -> {
            JsonFields.string(g, TIME, isoNanos(e.startTimeUnixNano));
            JsonFields.string(g, TRACE_ID, e.traceId);
            JsonFields.string(g, SPAN_ID, e.spanId);
            string(g, SEVERITY_TEXT, e.severityText);
            JsonFields.number(g, SEVERITY_NUMBER, e.severityNumber);
            string(g, BODY, e.body);
            string(g, NAME, e.name);
            string(g, SERVICE_NAME, e.serviceName);
            stringMap(g, ATTRIBUTES, e.attributes);
            startObject(g, RESOURCE);
            stringMap(g, ATTRIBUTES, e.resourceAttributes);
            g.writeEndObject();
            scope(g, e);
            if (e.source != null) {
                startObject(g, SOURCE);
                string(g, FILE, e.source.file);
                JsonFields.number(g, OFFSET, e.source.offset);
                string(g, FORMAT, e.source.format);
                g.writeEndObject();
            }
            more.write(g);
        });
    }

    private static void string(JsonGenerator g, SerializableString name, EventBytes.Slice value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeRawUTF8String(value.bytes, value.from, value.length);
        }
    }

    private static void stringMap(JsonGenerator g, SerializableString name, EventBytes.Slice map) throws IOException {
        g.writeFieldName(name);
        if (map == null) {
            g.writeStartObject();
            g.writeEndObject();
        } else {
            g.writeRawValue(new RawJson(map.bytes, map.from, map.length));
        }
    }

    private static void scope(JsonGenerator g, EventBytes e) throws IOException {
        startObject(g, INSTRUMENTATION_SCOPE);
        string(g, NAME, e.scopeName);
        string(g, VERSION, e.scopeVersion);
        g.writeEndObject();
    }

    /** As OTLP names kinds: SPAN_KIND_CLIENT, ...; SPAN_KIND_UNSPECIFIED when unknown. */
    private static String kindName(SpanKind kind) {
        return kind == null ? "SPAN_KIND_UNSPECIFIED" : KIND_NAMES[kind.ordinal()];
    }

    /** RFC 3339 with nanoseconds, as date_nanos fields take it. */
    private String isoNanos(Long nanos) {
        return times.format(nanos);
    }

    private byte[] document(Fields fields) {
        return documents.write(g -> {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        });
    }

    private static void startObject(JsonGenerator g, SerializableString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
    }

    private static void resource(JsonGenerator g, AgentEvent e) throws IOException {
        startObject(g, RESOURCE);
        JsonFields.stringMap(g, ATTRIBUTES, e.resourceAttributes());
        g.writeEndObject();
    }

    private static void scope(JsonGenerator g, AgentEvent e) throws IOException {
        startObject(g, INSTRUMENTATION_SCOPE);
        JsonFields.string(g, NAME, e.scopeName());
        JsonFields.string(g, VERSION, e.scopeVersion());
        g.writeEndObject();
    }
}
