package io.agenttelemetry.connect.smt.detect;

/** A sensitive value found in a string: its type (the detector's name) and where it is, [start, end). */
public final class Finding {
    private final String type;
    private final int start;
    private final int end;

    public Finding(String type, int start, int end) {
        this.type = type;
        this.start = start;
        this.end = end;
    }

    public String type() {
        return type;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    @Override
    public String toString() {
        return type + "[" + start + "," + end + ")";
    }
}
