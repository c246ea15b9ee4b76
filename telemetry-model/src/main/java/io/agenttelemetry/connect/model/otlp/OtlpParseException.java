package io.agenttelemetry.connect.model.otlp;

/** A line that is not a valid OTLP/JSON trace or logs request; the message says why. */
public class OtlpParseException extends Exception {
    public OtlpParseException(String message) {
        super(message);
    }

    public OtlpParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
