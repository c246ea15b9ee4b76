package io.agenttelemetry.connect.source.parse;

/** A line that its file's format cannot read; the message is the reason written to the error topic. */
public class LineParseException extends Exception {
    public LineParseException(String message) {
        super(message);
    }

    public LineParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
