package io.agenttelemetry.connect.model;

import static io.agenttelemetry.connect.model.JsonFields.number;
import static io.agenttelemetry.connect.model.JsonFields.string;
import static io.agenttelemetry.connect.model.JsonFields.stringMap;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes an agent event as the JSON that Kafka's JsonConverter with {@code schemas.enable=false} writes for its
 * {@link AgentEventConnect} struct, byte for byte: the struct's fields in schema order, nulls written as null.
 * A source that hands these bytes to ByteArrayConverter spares the worker building and writing a JSON tree per
 * record, and consumers cannot tell the difference.
 */
public final class AgentEventJson {
    private static final JsonFactory JSON = new JsonFactory();

    private static final SerializableString SCHEMA_VERSION = name("schemaVersion");
    private static final SerializableString EVENT_TYPE = name("eventType");
    private static final SerializableString TRACE_ID = name("traceId");
    private static final SerializableString SPAN_ID = name("spanId");
    private static final SerializableString PARENT_SPAN_ID = name("parentSpanId");
    private static final SerializableString NAME = name("name");
    private static final SerializableString KIND = name("kind");
    private static final SerializableString START_TIME = name("startTimeUnixNano");
    private static final SerializableString END_TIME = name("endTimeUnixNano");
    private static final SerializableString DURATION = name("durationNanos");
    private static final SerializableString STATUS_CODE = name("statusCode");
    private static final SerializableString STATUS_MESSAGE = name("statusMessage");
    private static final SerializableString SERVICE_NAME = name("serviceName");
    private static final SerializableString SCOPE_NAME = name("scopeName");
    private static final SerializableString SCOPE_VERSION = name("scopeVersion");
    private static final SerializableString RESOURCE_ATTRIBUTES = name("resourceAttributes");
    private static final SerializableString ATTRIBUTES = name("attributes");
    private static final SerializableString EVENTS = name("events");
    private static final SerializableString SEVERITY_TEXT = name("severityText");
    private static final SerializableString SEVERITY_NUMBER = name("severityNumber");
    private static final SerializableString BODY = name("body");
    private static final SerializableString SOURCE = name("source");
    private static final SerializableString TIME = name("timeUnixNano");
    private static final SerializableString FILE = name("file");
    private static final SerializableString OFFSET = name("offset");
    private static final SerializableString FORMAT = name("format");

    private AgentEventJson() {
    }

    /** One event's JSON; for many, a {@link Writer} costs less. */
    public static byte[] toBytes(AgentEvent event) {
        try (Writer writer = new Writer()) {
            return writer.toBytes(event);
        }
    }

    /** Writes events one after another, each to its own bytes. Not thread-safe. */
    public static final class Writer implements AutoCloseable {
        private final JsonDocuments documents = new JsonDocuments(JSON);

        public byte[] toBytes(AgentEvent event) {
            return documents.write(g -> write(event, g));
        }

        @Override
        public void close() {
            documents.close();
        }
    }

    /** Writes the event as one JSON object; the caller owns the generator. */
    public static void write(AgentEvent e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        number(g, SCHEMA_VERSION, e.schemaVersion());
        string(g, EVENT_TYPE, e.eventType().name());
        string(g, TRACE_ID, e.traceId());
        string(g, SPAN_ID, e.spanId());
        string(g, PARENT_SPAN_ID, e.parentSpanId());
        string(g, NAME, e.name());
        string(g, KIND, AgentEventConnect.nameOf(e.kind()));
        number(g, START_TIME, e.startTimeUnixNano());
        number(g, END_TIME, e.endTimeUnixNano());
        number(g, DURATION, e.durationNanos());
        string(g, STATUS_CODE, AgentEventConnect.nameOf(e.statusCode()));
        string(g, STATUS_MESSAGE, e.statusMessage());
        string(g, SERVICE_NAME, e.serviceName());
        string(g, SCOPE_NAME, e.scopeName());
        string(g, SCOPE_VERSION, e.scopeVersion());
        stringMap(g, RESOURCE_ATTRIBUTES, e.resourceAttributes());
        stringMap(g, ATTRIBUTES, e.attributes());
        g.writeFieldName(EVENTS);
        g.writeStartArray();
        for (SpanEvent event : e.events()) {
            g.writeStartObject();
            string(g, NAME, event.name());
            number(g, TIME, event.timeUnixNano());
            stringMap(g, ATTRIBUTES, event.attributes());
            g.writeEndObject();
        }
        g.writeEndArray();
        string(g, SEVERITY_TEXT, e.severityText());
        number(g, SEVERITY_NUMBER, e.severityNumber());
        string(g, BODY, e.body());
        g.writeFieldName(SOURCE);
        EventSource source = e.source();
        if (source == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            string(g, FILE, source.file());
            number(g, OFFSET, source.offset());
            string(g, FORMAT, source.format());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
