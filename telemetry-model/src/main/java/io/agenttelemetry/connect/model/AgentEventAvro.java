package io.agenttelemetry.connect.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** The agent event as an Avro {@link GenericRecord} of the documented schema {@code agent-event.avsc}. */
public final class AgentEventAvro {
    public static final String SCHEMA_RESOURCE = "agent-event.avsc";
    public static final Schema SCHEMA = loadSchema();

    private static final Schema SPAN_EVENT_SCHEMA = SCHEMA.getField("events").schema().getElementType();
    private static final Schema EVENT_SOURCE_SCHEMA = SCHEMA.getField("source").schema().getTypes().get(1);

    private AgentEventAvro() {
    }

    private static Schema loadSchema() {
        try (InputStream in = AgentEventAvro.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the telemetry-model jar");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    public static GenericRecord toRecord(AgentEvent event) {
        List<GenericRecord> events = new ArrayList<>(event.events().size());
        for (SpanEvent e : event.events()) {
            GenericRecord r = new GenericData.Record(SPAN_EVENT_SCHEMA);
            r.put("name", e.name());
            r.put("timeUnixNano", e.timeUnixNano());
            r.put("attributes", e.attributes());
            events.add(r);
        }
        GenericRecord source = null;
        if (event.source() != null) {
            source = new GenericData.Record(EVENT_SOURCE_SCHEMA);
            source.put("file", event.source().file());
            source.put("offset", event.source().offset());
            source.put("format", event.source().format());
        }
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("schemaVersion", event.schemaVersion());
        r.put("eventType", event.eventType().name());
        r.put("traceId", event.traceId());
        r.put("spanId", event.spanId());
        r.put("parentSpanId", event.parentSpanId());
        r.put("name", event.name());
        r.put("kind", AgentEventConnect.nameOf(event.kind()));
        r.put("startTimeUnixNano", event.startTimeUnixNano());
        r.put("endTimeUnixNano", event.endTimeUnixNano());
        r.put("durationNanos", event.durationNanos());
        r.put("statusCode", AgentEventConnect.nameOf(event.statusCode()));
        r.put("statusMessage", event.statusMessage());
        r.put("serviceName", event.serviceName());
        r.put("scopeName", event.scopeName());
        r.put("scopeVersion", event.scopeVersion());
        r.put("resourceAttributes", event.resourceAttributes());
        r.put("attributes", event.attributes());
        r.put("events", events);
        r.put("severityText", event.severityText());
        r.put("severityNumber", event.severityNumber());
        r.put("body", event.body());
        r.put("source", source);
        return r;
    }

    /** Reads a record of this schema, or of an older/newer one resolved to it (Avro reads strings as Utf8). */
    public static AgentEvent fromRecord(GenericRecord r) {
        AgentEvent.Builder b = AgentEvent.builder(EventType.valueOf(str(r.get("eventType"))))
                .schemaVersion((Integer) r.get("schemaVersion"))
                .traceId(str(r.get("traceId")))
                .spanId(str(r.get("spanId")))
                .parentSpanId(str(r.get("parentSpanId")))
                .name(str(r.get("name")))
                .kind(AgentEventConnect.enumOrNull(SpanKind.class, str(r.get("kind"))))
                .startTimeUnixNano((Long) r.get("startTimeUnixNano"))
                .endTimeUnixNano((Long) r.get("endTimeUnixNano"))
                .statusCode(AgentEventConnect.enumOrNull(StatusCode.class, str(r.get("statusCode"))))
                .statusMessage(str(r.get("statusMessage")))
                .serviceName(str(r.get("serviceName")))
                .scopeName(str(r.get("scopeName")))
                .scopeVersion(str(r.get("scopeVersion")))
                .resourceAttributes(stringMap(r.get("resourceAttributes")))
                .attributes(stringMap(r.get("attributes")))
                .severityText(str(r.get("severityText")))
                .severityNumber((Integer) r.get("severityNumber"))
                .body(str(r.get("body")));
        for (Object o : (List<?>) r.get("events")) {
            GenericRecord e = (GenericRecord) o;
            b.event(SpanEvent.create(str(e.get("name")), (Long) e.get("timeUnixNano"), stringMap(e.get("attributes"))));
        }
        GenericRecord source = (GenericRecord) r.get("source");
        if (source != null) {
            b.source(EventSource.create(str(source.get("file")), (Long) source.get("offset"), str(source.get("format"))));
        }
        return b.build();
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> out.put(k.toString(), str(v)));
        return out;
    }
}
