package io.agenttelemetry.connect.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One normalized agent telemetry event: a span or a log record. Immutable; build with {@link #builder(EventType)}.
 *
 * <p>The documented contract is {@code agent-event.avsc} beside this class. Getters return null for fields the
 * producer did not know, never a placeholder; maps and lists are never null.
 */
public final class AgentEvent {
    /** The model version this code writes. Raised only with additive changes (see the model's README). */
    public static final int SCHEMA_VERSION = 1;

    private final int schemaVersion;
    private final EventType eventType;
    private final String traceId;
    private final String spanId;
    private final String parentSpanId;
    private final String name;
    private final SpanKind kind;
    private final Long startTimeUnixNano;
    private final Long endTimeUnixNano;
    private final StatusCode statusCode;
    private final String statusMessage;
    private final String serviceName;
    private final String scopeName;
    private final String scopeVersion;
    private final Map<String, String> resourceAttributes;
    private final Map<String, String> attributes;
    private final List<SpanEvent> events;
    private final String severityText;
    private final Integer severityNumber;
    private final String body;
    private final EventSource source;

    private AgentEvent(Builder b) {
        this.schemaVersion = b.schemaVersion;
        this.eventType = Objects.requireNonNull(b.eventType, "eventType");
        this.traceId = b.traceId;
        this.spanId = b.spanId;
        this.parentSpanId = b.parentSpanId;
        this.name = b.name;
        this.kind = b.kind;
        this.startTimeUnixNano = b.startTimeUnixNano;
        this.endTimeUnixNano = b.endTimeUnixNano;
        this.statusCode = b.statusCode;
        this.statusMessage = b.statusMessage;
        this.serviceName = b.serviceName;
        this.scopeName = b.scopeName;
        this.scopeVersion = b.scopeVersion;
        // Insertion order is kept so documents and archives read in the order the producer wrote.
        this.resourceAttributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.resourceAttributes));
        this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.events = List.copyOf(b.events);
        this.severityText = b.severityText;
        this.severityNumber = b.severityNumber;
        this.body = b.body;
        this.source = b.source;
    }

    public static Builder builder(EventType eventType) {
        return new Builder(eventType);
    }

    /** A builder holding this event's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(eventType);
        b.schemaVersion = schemaVersion;
        b.traceId = traceId;
        b.spanId = spanId;
        b.parentSpanId = parentSpanId;
        b.name = name;
        b.kind = kind;
        b.startTimeUnixNano = startTimeUnixNano;
        b.endTimeUnixNano = endTimeUnixNano;
        b.statusCode = statusCode;
        b.statusMessage = statusMessage;
        b.serviceName = serviceName;
        b.scopeName = scopeName;
        b.scopeVersion = scopeVersion;
        b.resourceAttributes.putAll(resourceAttributes);
        b.attributes.putAll(attributes);
        b.events.addAll(events);
        b.severityText = severityText;
        b.severityNumber = severityNumber;
        b.body = body;
        b.source = source;
        return b;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public EventType eventType() {
        return eventType;
    }

    /** 32 lowercase hex characters, or null. */
    public String traceId() {
        return traceId;
    }

    /** 16 lowercase hex characters, or null. */
    public String spanId() {
        return spanId;
    }

    /** 16 lowercase hex characters, or null for root spans and logs. */
    public String parentSpanId() {
        return parentSpanId;
    }

    public String name() {
        return name;
    }

    /** Null for logs. */
    public SpanKind kind() {
        return kind;
    }

    /** Span start or log time in epoch nanoseconds, or null. */
    public Long startTimeUnixNano() {
        return startTimeUnixNano;
    }

    /** Span end in epoch nanoseconds, or null. */
    public Long endTimeUnixNano() {
        return endTimeUnixNano;
    }

    /** End minus start when both are known, else null. */
    public Long durationNanos() {
        return startTimeUnixNano != null && endTimeUnixNano != null ? endTimeUnixNano - startTimeUnixNano : null;
    }

    public StatusCode statusCode() {
        return statusCode;
    }

    public String statusMessage() {
        return statusMessage;
    }

    public String serviceName() {
        return serviceName;
    }

    public String scopeName() {
        return scopeName;
    }

    public String scopeVersion() {
        return scopeVersion;
    }

    public Map<String, String> resourceAttributes() {
        return resourceAttributes;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    /** Shorthand for {@code attributes().get(key)}. */
    public String attribute(String key) {
        return attributes.get(key);
    }

    public List<SpanEvent> events() {
        return events;
    }

    public String severityText() {
        return severityText;
    }

    public Integer severityNumber() {
        return severityNumber;
    }

    public String body() {
        return body;
    }

    /** Where the event was read, or null when it did not come from a file. */
    public EventSource source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof AgentEvent)) return false;
        AgentEvent that = (AgentEvent) o;
        return schemaVersion == that.schemaVersion
                && eventType == that.eventType
                && Objects.equals(traceId, that.traceId)
                && Objects.equals(spanId, that.spanId)
                && Objects.equals(parentSpanId, that.parentSpanId)
                && Objects.equals(name, that.name)
                && kind == that.kind
                && Objects.equals(startTimeUnixNano, that.startTimeUnixNano)
                && Objects.equals(endTimeUnixNano, that.endTimeUnixNano)
                && statusCode == that.statusCode
                && Objects.equals(statusMessage, that.statusMessage)
                && Objects.equals(serviceName, that.serviceName)
                && Objects.equals(scopeName, that.scopeName)
                && Objects.equals(scopeVersion, that.scopeVersion)
                && resourceAttributes.equals(that.resourceAttributes)
                && attributes.equals(that.attributes)
                && events.equals(that.events)
                && Objects.equals(severityText, that.severityText)
                && Objects.equals(severityNumber, that.severityNumber)
                && Objects.equals(body, that.body)
                && Objects.equals(source, that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventType, traceId, spanId, name, startTimeUnixNano, attributes);
    }

    @Override
    public String toString() {
        return "AgentEvent{" + eventType + " traceId=" + traceId + " spanId=" + spanId + " name=" + name
                + " attributes=" + attributes.size() + " source=" + source + '}';
    }

    /** Collects an event's values; ids are normalized to lowercase hex on the way in. */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION;
        private final EventType eventType;
        private String traceId;
        private String spanId;
        private String parentSpanId;
        private String name;
        private SpanKind kind;
        private Long startTimeUnixNano;
        private Long endTimeUnixNano;
        private StatusCode statusCode;
        private String statusMessage;
        private String serviceName;
        private String scopeName;
        private String scopeVersion;
        private final Map<String, String> resourceAttributes = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<SpanEvent> events = new ArrayList<>();
        private String severityText;
        private Integer severityNumber;
        private String body;
        private EventSource source;

        private Builder(EventType eventType) {
            this.eventType = Objects.requireNonNull(eventType, "eventType");
        }

        /** Only for converters reading events written by another model version. */
        public Builder schemaVersion(int schemaVersion) {
            this.schemaVersion = schemaVersion;
            return this;
        }

        public Builder traceId(String traceId) {
            this.traceId = HexIds.normalize(traceId);
            return this;
        }

        public Builder spanId(String spanId) {
            this.spanId = HexIds.normalize(spanId);
            return this;
        }

        public Builder parentSpanId(String parentSpanId) {
            this.parentSpanId = HexIds.normalize(parentSpanId);
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder kind(SpanKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder startTimeUnixNano(Long startTimeUnixNano) {
            this.startTimeUnixNano = startTimeUnixNano;
            return this;
        }

        public Builder endTimeUnixNano(Long endTimeUnixNano) {
            this.endTimeUnixNano = endTimeUnixNano;
            return this;
        }

        public Builder statusCode(StatusCode statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        public Builder statusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        public Builder scopeName(String scopeName) {
            this.scopeName = scopeName;
            return this;
        }

        public Builder scopeVersion(String scopeVersion) {
            this.scopeVersion = scopeVersion;
            return this;
        }

        public Builder resourceAttribute(String key, String value) {
            resourceAttributes.put(key, value);
            return this;
        }

        public Builder resourceAttributes(Map<String, String> values) {
            resourceAttributes.putAll(values);
            return this;
        }

        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        public Builder attributes(Map<String, String> values) {
            attributes.putAll(values);
            return this;
        }

        public Builder event(SpanEvent event) {
            events.add(event);
            return this;
        }

        public Builder severityText(String severityText) {
            this.severityText = severityText;
            return this;
        }

        public Builder severityNumber(Integer severityNumber) {
            this.severityNumber = severityNumber;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder source(EventSource source) {
            this.source = source;
            return this;
        }

        public AgentEvent build() {
            return new AgentEvent(this);
        }
    }
}
