package io.agenttelemetry.connect.model;

/** OpenTelemetry span status codes, in OTLP enum order. */
public enum StatusCode {
    UNSET,
    OK,
    ERROR;

    /** The status for an OTLP enum number; unknown numbers read as UNSET. */
    public static StatusCode fromOtlp(int number) {
        StatusCode[] codes = values();
        return number >= 0 && number < codes.length ? codes[number] : UNSET;
    }
}
