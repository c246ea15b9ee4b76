package io.agenttelemetry.connect.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/** The agent event as a Kafka Connect {@link Struct}: the same fields, names and optionality as {@code agent-event.avsc}. */
public final class AgentEventConnect {
    public static final String SCHEMA_NAME = "io.agenttelemetry.connect.model.AgentEvent";

    private static final Schema STRING_MAP = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build();

    public static final Schema SPAN_EVENT_SCHEMA = SchemaBuilder.struct()
            .name("io.agenttelemetry.connect.model.SpanEvent")
            .field("name", Schema.STRING_SCHEMA)
            .field("timeUnixNano", Schema.OPTIONAL_INT64_SCHEMA)
            .field("attributes", STRING_MAP)
            .build();

    public static final Schema EVENT_SOURCE_SCHEMA = SchemaBuilder.struct()
            .name("io.agenttelemetry.connect.model.EventSource")
            .optional()
            .field("file", Schema.STRING_SCHEMA)
            .field("offset", Schema.INT64_SCHEMA)
            .field("format", Schema.STRING_SCHEMA)
            .build();

    public static final Schema SCHEMA = SchemaBuilder.struct()
            .name(SCHEMA_NAME)
            .version(AgentEvent.SCHEMA_VERSION)
            .doc("One normalized agent telemetry event (span or log record).")
            .field("schemaVersion", Schema.INT32_SCHEMA)
            .field("eventType", Schema.STRING_SCHEMA)
            .field("traceId", Schema.OPTIONAL_STRING_SCHEMA)
            .field("spanId", Schema.OPTIONAL_STRING_SCHEMA)
            .field("parentSpanId", Schema.OPTIONAL_STRING_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("kind", Schema.OPTIONAL_STRING_SCHEMA)
            .field("startTimeUnixNano", Schema.OPTIONAL_INT64_SCHEMA)
            .field("endTimeUnixNano", Schema.OPTIONAL_INT64_SCHEMA)
            .field("durationNanos", Schema.OPTIONAL_INT64_SCHEMA)
            .field("statusCode", Schema.OPTIONAL_STRING_SCHEMA)
            .field("statusMessage", Schema.OPTIONAL_STRING_SCHEMA)
            .field("serviceName", Schema.OPTIONAL_STRING_SCHEMA)
            .field("scopeName", Schema.OPTIONAL_STRING_SCHEMA)
            .field("scopeVersion", Schema.OPTIONAL_STRING_SCHEMA)
            .field("resourceAttributes", STRING_MAP)
            .field("attributes", STRING_MAP)
            .field("events", SchemaBuilder.array(SPAN_EVENT_SCHEMA).build())
            .field("severityText", Schema.OPTIONAL_STRING_SCHEMA)
            .field("severityNumber", Schema.OPTIONAL_INT32_SCHEMA)
            .field("body", Schema.OPTIONAL_STRING_SCHEMA)
            .field("source", EVENT_SOURCE_SCHEMA)
            .build();

    private AgentEventConnect() {
    }

    public static Struct toStruct(AgentEvent event) {
        List<Struct> events = new ArrayList<>(event.events().size());
        for (SpanEvent e : event.events()) {
            events.add(new Struct(SPAN_EVENT_SCHEMA)
                    .put("name", e.name())
                    .put("timeUnixNano", e.timeUnixNano())
                    .put("attributes", e.attributes()));
        }
        Struct source = null;
        if (event.source() != null) {
            source = new Struct(EVENT_SOURCE_SCHEMA)
                    .put("file", event.source().file())
                    .put("offset", event.source().offset())
                    .put("format", event.source().format());
        }
        return new Struct(SCHEMA)
                .put("schemaVersion", event.schemaVersion())
                .put("eventType", event.eventType().name())
                .put("traceId", event.traceId())
                .put("spanId", event.spanId())
                .put("parentSpanId", event.parentSpanId())
                .put("name", event.name())
                .put("kind", nameOf(event.kind()))
                .put("startTimeUnixNano", event.startTimeUnixNano())
                .put("endTimeUnixNano", event.endTimeUnixNano())
                .put("durationNanos", event.durationNanos())
                .put("statusCode", nameOf(event.statusCode()))
                .put("statusMessage", event.statusMessage())
                .put("serviceName", event.serviceName())
                .put("scopeName", event.scopeName())
                .put("scopeVersion", event.scopeVersion())
                .put("resourceAttributes", event.resourceAttributes())
                .put("attributes", event.attributes())
                .put("events", events)
                .put("severityText", event.severityText())
                .put("severityNumber", event.severityNumber())
                .put("body", event.body())
                .put("source", source);
    }

    /** Reads a struct of this schema; fields a newer writer added are ignored, missing optional ones read as null. */
    public static AgentEvent fromStruct(Struct struct) {
        AgentEvent.Builder b = AgentEvent.builder(EventType.valueOf(struct.getString("eventType")))
                .schemaVersion(struct.getInt32("schemaVersion"))
                .traceId(struct.getString("traceId"))
                .spanId(struct.getString("spanId"))
                .parentSpanId(struct.getString("parentSpanId"))
                .name(struct.getString("name"))
                .kind(enumOrNull(SpanKind.class, struct.getString("kind")))
                .startTimeUnixNano(struct.getInt64("startTimeUnixNano"))
                .endTimeUnixNano(struct.getInt64("endTimeUnixNano"))
                .statusCode(enumOrNull(StatusCode.class, struct.getString("statusCode")))
                .statusMessage(struct.getString("statusMessage"))
                .serviceName(struct.getString("serviceName"))
                .scopeName(struct.getString("scopeName"))
                .scopeVersion(struct.getString("scopeVersion"))
                .resourceAttributes(struct.<String, String>getMap("resourceAttributes"))
                .attributes(struct.<String, String>getMap("attributes"))
                .severityText(struct.getString("severityText"))
                .severityNumber(struct.getInt32("severityNumber"))
                .body(struct.getString("body"));
        for (Struct e : struct.<Struct>getArray("events")) {
            Map<String, String> attributes = e.getMap("attributes");
            b.event(SpanEvent.create(e.getString("name"), e.getInt64("timeUnixNano"), attributes));
        }
        Struct source = struct.getStruct("source");
        if (source != null) {
            b.source(EventSource.create(source.getString("file"), source.getInt64("offset"), source.getString("format")));
        }
        return b.build();
    }

    static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
