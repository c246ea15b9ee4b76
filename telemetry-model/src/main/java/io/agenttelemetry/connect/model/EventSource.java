package io.agenttelemetry.connect.model;

import java.util.Objects;

/** Where an event was read: file, byte offset of its line, and the parser's format name. Immutable. */
public final class EventSource {
    private final String file;
    private final long offset;
    private final String format;

    private EventSource(String file, long offset, String format) {
        this.file = Objects.requireNonNull(file, "file");
        this.offset = offset;
        this.format = Objects.requireNonNull(format, "format");
    }

    public static EventSource create(String file, long offset, String format) {
        return new EventSource(file, offset, format);
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    public String format() {
        return format;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof EventSource)) return false;
        EventSource that = (EventSource) o;
        return offset == that.offset && file.equals(that.file) && format.equals(that.format);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, offset, format);
    }

    @Override
    public String toString() {
        return file + "@" + offset + " (" + format + ")";
    }
}
