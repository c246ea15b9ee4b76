package io.agenttelemetry.connect.model;

import java.util.Map;
import java.util.Objects;

/** A timed event inside a span, such as an exception. Immutable. */
public final class SpanEvent {
    private final String name;
    private final Long timeUnixNano;
    private final Map<String, String> attributes;

    private SpanEvent(String name, Long timeUnixNano, Map<String, String> attributes) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeUnixNano = timeUnixNano;
        this.attributes = Map.copyOf(attributes);
    }

    /** @param timeUnixNano null when unknown */
    public static SpanEvent create(String name, Long timeUnixNano, Map<String, String> attributes) {
        return new SpanEvent(name, timeUnixNano, attributes);
    }

    public String name() {
        return name;
    }

    /** Nanoseconds since the Unix epoch, or null when unknown. */
    public Long timeUnixNano() {
        return timeUnixNano;
    }

    /** Never null; empty when the event has none. */
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof SpanEvent)) return false;
        SpanEvent that = (SpanEvent) o;
        return name.equals(that.name) && Objects.equals(timeUnixNano, that.timeUnixNano) && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, timeUnixNano, attributes);
    }

    @Override
    public String toString() {
        return "SpanEvent{name=" + name + ", timeUnixNano=" + timeUnixNano + ", attributes=" + attributes + '}';
    }
}
