package io.agenttelemetry.connect.model;

/** OpenTelemetry span kinds, in OTLP enum order. */
public enum SpanKind {
    UNSPECIFIED,
    INTERNAL,
    SERVER,
    CLIENT,
    PRODUCER,
    CONSUMER;

    /** The kind for an OTLP enum number; unknown numbers read as UNSPECIFIED, as OTLP receivers do. */
    public static SpanKind fromOtlp(int number) {
        SpanKind[] kinds = values();
        return number >= 0 && number < kinds.length ? kinds[number] : UNSPECIFIED;
    }
}
